package dev.huddle.app;

import dev.huddle.migration.cli.ExitCodes;
import dev.huddle.migration.failure.HuddleFailure;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Why the server did not start, as it is logged, and the process's exit code, the runner's for the same failure.
 * Micronaut wraps what a bean throws; a {@link HuddleFailure} anywhere in the causes is reported by its message alone,
 * once. Anything else is a bug in Huddle: an internal error, logged with its stack trace and a request to report it.
 *
 * @param trace the throwable whose stack trace belongs in the log, or null when the message says it all
 */
record BootFailure(int exitCode, String message, Throwable trace) {

    static BootFailure of(Throwable error) {
        HuddleFailure failure = huddleFailureIn(error);
        if (failure != null) {
            return new BootFailure(failure.kind().exitCode(), "Huddle did not start: " + failure.getMessage(), null);
        }
        return new BootFailure(ExitCodes.INTERNAL_ERROR, "internal error: " + error.getMessage() + "\nThis is a bug in "
                + "Huddle, not a problem with the database or its scripts. Please report it with the "
                + error.getClass().getName() + " and the stack trace below.", error);
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
