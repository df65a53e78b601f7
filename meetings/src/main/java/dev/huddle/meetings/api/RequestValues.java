package dev.huddle.meetings.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Checks of single request values (ids in paths, required fields, timestamps), each refusing with a 400. */
public final class RequestValues {
    private RequestValues() {
    }

    public static UUID id(String text, String what) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Refused below with the same message as a non-canonical form.
        }
        throw RequestProblem.invalid("'" + shorten(text) + "' is not a valid " + what + " id; send a UUID such as "
                + "3f2c1a9e-5b7d-4e2f-9a1c-0d8e7f6a5b4c.");
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw RequestProblem.invalid("The field '" + field + "' is missing or blank; send a non-empty string.");
        }
        return limited(value, field, maxLength);
    }

    public static String limited(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw RequestProblem.invalid("The field '" + field + "' has " + value.length() + " characters; the limit is "
                    + maxLength + ".");
        }
        return value;
    }

    public static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            // Milliseconds, as both engines store them (see ColumnValues).
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw RequestProblem.invalid("The value of '" + field + "' ('" + shorten(text) + "') is not an ISO-8601 "
                    + "UTC timestamp; send one such as 2026-12-01T09:30:00Z.");
        }
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
