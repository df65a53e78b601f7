package dev.huddle.migration.plan;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed migration file name: {@code V<yyyyMMddHHmmss>__<snake_case_description>.sql} for an up script, the same
 * with {@code U} for its down script. The version is a UTC timestamp, so plain string order is time order across
 * every module.
 */
public record ScriptName(String version, String description) {
    public static final String EXPECTED_FORM = "V<yyyyMMddHHmmss>__<snake_case_description>.sql";
    public static final String EXPECTED_DOWN_FORM = "U<yyyyMMddHHmmss>__<snake_case_description>.sql";

    private static final Pattern FORM = Pattern.compile("V(\\d{14})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");
    private static final Pattern DOWN_FORM = Pattern.compile("U(\\d{14})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    /** The parsed name, or empty when the file name is not of the expected form or its timestamp is no real time. */
    public static Optional<ScriptName> parse(String fileName) {
        return parse(FORM, fileName);
    }

    /** The parsed name of a down script ({@code U...}), or empty as for {@link #parse}. */
    public static Optional<ScriptName> parseDown(String fileName) {
        return parse(DOWN_FORM, fileName);
    }

    /** The file name of the up script with this version and description. */
    public String upFileName() {
        return "V" + version + "__" + description + ".sql";
    }

    /** The file name of the down script with this version and description. */
    public String downFileName() {
        return "U" + version + "__" + description + ".sql";
    }

    private static Optional<ScriptName> parse(Pattern form, String fileName) {
        Matcher matcher = form.matcher(fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (!isRealTime(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(matcher.group(1), matcher.group(2)));
    }

    /** Checked by hand rather than with a formatter: every start of the runner parses every file name. */
    private static boolean isRealTime(String digits) {
        int year = Integer.parseInt(digits, 0, 4, 10);
        int month = Integer.parseInt(digits, 4, 6, 10);
        int day = Integer.parseInt(digits, 6, 8, 10);
        int hour = Integer.parseInt(digits, 8, 10, 10);
        int minute = Integer.parseInt(digits, 10, 12, 10);
        int second = Integer.parseInt(digits, 12, 14, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    /** The description as people read it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
