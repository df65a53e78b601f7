package dev.huddle.web;

import dev.huddle.migration.connect.Secrets;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an exception chain fit for the log: each message has its URLs' passwords and secret parameters masked
 * ({@link Secrets}), while class names and stack traces, which hold no secrets and locate the failure, are kept. A
 * driver's message can quote a connection URL; the log must not.
 */
public final class MaskedFailure extends RuntimeException {
    private MaskedFailure(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    /** The chain with URLs' secrets masked. */
    public static Throwable of(Throwable failure) {
        return of(failure, List.of());
    }

    /** The chain with URLs' secrets and every whole occurrence of each of {@code secrets} masked. */
    public static Throwable of(Throwable failure, Collection<String> secrets) {
        return copy(failure, secrets, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable failure, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return null;
        }
        String message = failure.getMessage() == null ? null : Secrets.mask(failure.getMessage(), secrets);
        MaskedFailure copy = new MaskedFailure(failure.getClass().getName() + (message == null ? "" : ": " + message),
                copy(failure.getCause(), secrets, seen));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        // The original class name is the message's start; this wrapper's own name would only add noise.
        return getMessage();
    }
}
