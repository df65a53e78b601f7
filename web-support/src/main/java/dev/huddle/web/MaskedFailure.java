package dev.huddle.web;

import dev.huddle.migration.connect.Secrets;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of an exception chain fit for the log: each message has its URLs' passwords and secret parameters masked
 * ({@link Secrets}), while class names and stack traces, which hold no secrets and locate the failure, are kept. A
 * driver's message can quote a connection URL; the log must not.
 */
final class MaskedFailure extends RuntimeException {
    private MaskedFailure(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    static Throwable of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable failure, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return null;
        }
        String message = failure.getMessage() == null ? null : Secrets.mask(failure.getMessage(), List.of());
        MaskedFailure copy = new MaskedFailure(failure.getClass().getName() + (message == null ? "" : ": " + message),
                copy(failure.getCause(), seen));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    @Override
    public String toString() {
        // The original class name is the message's start; this wrapper's own name would only add noise.
        return getMessage();
    }
}
