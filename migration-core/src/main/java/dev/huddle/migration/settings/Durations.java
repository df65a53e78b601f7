package dev.huddle.migration.settings;

import dev.huddle.migration.failure.UsageException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration the one way Huddle writes them everywhere (runner options, environment variables, app settings):
 * a whole number of seconds ({@code 5}), or with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. Negative
 * and fractional values are refused, so a typo cannot turn a timeout into "no wait" or "wait forever".
 */
public final class Durations {
    public static final String ACCEPTED_FORMS = "whole seconds (5), or with a unit: 500ms, 5s, 2m, 1h";

    private Durations() {
    }

    /**
     * @param setting how the user wrote the setting's name ({@code --lock-timeout}, {@code HUDDLE_MIGRATION_CONNECT_TIMEOUT}),
     *                for the message
     * @throws UsageException naming the setting, the value and the accepted forms
     */
    public static Duration parse(String setting, String text) {
        Matcher matcher = Syntax.DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException(setting + " '" + text + "' is not a duration" + (text != null && text.strip().startsWith("-")
                    ? " (a timeout cannot be negative)" : "") + ".", "Write " + ACCEPTED_FORMS + ".");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A duration as people read it: {@code 500 ms}, {@code 1.5 s}, {@code 30 s}, {@code 2 min}. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0 && millis >= 120_000) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * The pattern, compiled when a duration is first parsed: the runner describes its default lock timeout at every
     * start, and most runs never parse one.
     */
    private static final class Syntax {
        static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    }
}
