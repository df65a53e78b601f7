package dev.huddle.app;

import dev.huddle.migration.cli.ExitCodes;
import dev.huddle.migration.failure.HuddleFailure;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Why the server did not start, as it is logged, and the process's exit code, the runner's for the same failure.
 * Micronaut wraps what a bean throws; a {@link HuddleFailure} anywhere in the causes is reported by its message alone,
 * once, its stack trace only with debug logging on (the message names the problem and the fix; the trace is for
 * whoever debugs Huddle). Anything else is a bug in Huddle: an internal error, always logged with its stack trace and
 * a request to report it, since a bug seen once may not come back when asked for.
 *
 * @param error the throwable Micronaut reported, wrappers included
 * @param bug   whether no {@link HuddleFailure} explains it
 */
record BootFailure(int exitCode, String message, Throwable error, boolean bug) {

    static BootFailure of(Throwable error) {
        HuddleFailure failure = huddleFailureIn(error);
        if (failure != null) {
            return new BootFailure(failure.kind().exitCode(), "Huddle did not start: " + failure.getMessage(), error, false);
        }
        return new BootFailure(ExitCodes.INTERNAL_ERROR, "internal error: " + error.getMessage() + "\nThis is a bug in "
                + "Huddle, not a problem with the database or its scripts. Please report it with the "
                + error.getClass().getName() + " and the stack trace below.", error, true);
    }

    /** The throwable whose stack trace goes with the message, or null when the message is all there is to log. */
    Throwable traceToLog(boolean debugEnabled) {
        return bug || debugEnabled ? error : null;
    }

    private static HuddleFailure huddleFailureIn(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = error; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof HuddleFailure failure) {
                return failure;
            }
        }
        return null;
    }
}
