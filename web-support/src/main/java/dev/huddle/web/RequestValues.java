package dev.huddle.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Checks of single request values (ids, names, times), each refusing a bad one with a 400 that says what to send. */
public final class RequestValues {
    private static final int ECHOED_CHARACTERS = 60;

    private RequestValues() {
    }

    /** A UUID in its canonical text form; anything else names the field and shows the form expected. */
    public static UUID uuid(String text, String field) {
        if (text != null) {
            try {
                UUID id = UUID.fromString(text);
                if (id.toString().equalsIgnoreCase(text)) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // Refused below, like a UUID in a non-canonical form.
            }
        }
        throw RequestProblem.invalid(field + " '" + echo(text) + "' is not a UUID; send one in canonical form, such as "
                + "7d0f8a2c-31b4-4c55-9e0a-5f6d2b8c1e47.");
    }

    /** A present, non-blank string of at most {@code longest} characters, stripped. */
    public static String text(String value, String field, int longest) {
        if (value == null || value.isBlank()) {
            throw RequestProblem.invalid(field + " is missing or blank; send a non-empty string.");
        }
        return optionalText(value, field, longest);
    }

    /** Null stays null; otherwise stripped and at most {@code longest} characters. */
    public static String optionalText(String value, String field, int longest) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > longest) {
            throw RequestProblem.invalid(field + " has " + stripped.length() + " characters; at most " + longest
                    + " are allowed.");
        }
        return stripped;
    }

    /** An optional ISO-8601 instant, kept to the milliseconds both engines store. */
    public static Instant optionalInstant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw RequestProblem.invalid(field + " '" + echo(text) + "' is not an ISO-8601 UTC time; send one such as "
                    + "2027-01-31T18:00:00Z.");
        }
    }

    /** A whole number from a query parameter, within [lowest, highest]; absent gives the default. */
    public static int wholeNumber(String text, String field, int lowest, int highest, int absent) {
        if (text == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw RequestProblem.invalid(field + " '" + echo(text) + "' is not a whole number; send " + lowest + " to "
                    + highest + ".");
        }
        if (value < lowest || value > highest) {
            throw RequestProblem.invalid(field + " is " + value + "; send " + lowest + " to " + highest + ".");
        }
        return value;
    }

    /** An optional query flag: absent or {@code false} is false, {@code true} is true; nothing else is guessed at. */
    public static boolean flag(String text, String field) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw RequestProblem.invalid(field + " '" + echo(text) + "' is not a flag; send true or false.");
    }

    private static String echo(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > ECHOED_CHARACTERS ? text.substring(0, ECHOED_CHARACTERS) + "..." : text;
    }
}
