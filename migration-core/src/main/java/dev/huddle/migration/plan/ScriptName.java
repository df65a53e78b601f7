package dev.huddle.migration.plan;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
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
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

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
        try {
            LocalDateTime.parse(matcher.group(1), TIMESTAMP);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new ScriptName(matcher.group(1), matcher.group(2)));
    }

    /** The description as people read it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
