package dev.huddle.migration.plan;

import java.util.Optional;

/**
 * A parsed migration file name: {@code V<yyyyMMddHHmmss>__<snake_case_description>.sql} for an up script, the same
 * with {@code U} for its down script. The version is a UTC timestamp, so plain string order is time order across
 * every module.
 */
public record ScriptName(String version, String description) {
    public static final String EXPECTED_FORM = "V<yyyyMMddHHmmss>__<snake_case_description>.sql";
    public static final String EXPECTED_DOWN_FORM = "U<yyyyMMddHHmmss>__<snake_case_description>.sql";

    private static final int VERSION_DIGITS = 14;
    private static final String SUFFIX = ".sql";

    /** The parsed name, or empty when the file name is not of the expected form or its timestamp is no real time. */
    public static Optional<ScriptName> parse(String fileName) {
        return parse('V', fileName);
    }

    /** The parsed name of a down script ({@code U...}), or empty as for {@link #parse}. */
    public static Optional<ScriptName> parseDown(String fileName) {
        return parse('U', fileName);
    }

    /** The file name of the up script with this version and description. */
    public String upFileName() {
        return "V" + version + "__" + description + ".sql";
    }

    /** The file name of the down script with this version and description. */
    public String downFileName() {
        return "U" + version + "__" + description + ".sql";
    }

    /**
     * Read by hand rather than with a regular expression and a date formatter: every start of the runner parses every
     * file name, thousands of them, before the JIT has compiled anything.
     */
    private static Optional<ScriptName> parse(char prefix, String fileName) {
        int versionEnd = 1 + VERSION_DIGITS;
        int descriptionStart = versionEnd + 2;
        int descriptionEnd = fileName.length() - SUFFIX.length();
        if (descriptionEnd <= descriptionStart || fileName.charAt(0) != prefix || !fileName.endsWith(SUFFIX)
                || !fileName.startsWith("__", versionEnd)) {
            return Optional.empty();
        }
        for (int i = 1; i < versionEnd; i++) {
            if (!isDigit(fileName.charAt(i))) {
                return Optional.empty();
            }
        }
        String version = fileName.substring(1, versionEnd);
        String description = fileName.substring(descriptionStart, descriptionEnd);
        if (!isRealTime(version) || !isSnakeCase(description)) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(version, description));
    }

    /** Lower-case letters and digits in words joined by single underscores: {@code add_whiteboard_table}. */
    private static boolean isSnakeCase(String description) {
        if (description.startsWith("_") || description.endsWith("_") || description.contains("__")) {
            return false;
        }
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The digits are already known to be digits; each field is read without a parser. */
    private static boolean isRealTime(String digits) {
        int year = number(digits, 0, 4);
        int month = number(digits, 4, 6);
        int day = number(digits, 6, 8);
        return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month)
                && number(digits, 8, 10) <= 23 && number(digits, 10, 12) <= 59 && number(digits, 12, 14) <= 59;
    }

    private static int number(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The description as people read it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
