package dev.huddle.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Error ids: 16 random hex digits that an answer or a stored record shows in place of a failure's detail, and that
 * the log line holding that detail names too, so an operator goes from what a user quotes to the cause.
 */
public final class ErrorIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    public static String next() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
