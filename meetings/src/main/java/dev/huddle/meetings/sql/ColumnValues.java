package dev.huddle.meetings.sql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the meetings schema's uuid, timestamp, JSON and enum values travel: as text, on both engines. SQLite stores
 * them as TEXT, timestamps in the exact form its column defaults write ({@code strftime('%Y-%m-%dT%H:%M:%fZ')}), so
 * text order is time order; PostgreSQL casts the same text to uuid, timestamptz, jsonb or the enum, because the
 * repositories' pool sends strings untyped ({@code stringtype=unspecified}, set by data-access's
 * {@code DatasourceTargetBinding}).
 */
public final class ColumnValues {
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ColumnValues() {
    }

    /** Now, as stored: timestamps keep milliseconds on both engines, so a value reads back as it was written. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String timestamp(Instant instant) {
        return instant == null ? null : STORED.format(instant);
    }

    /** Reads SQLite's ISO text, SQLite's CURRENT_TIMESTAMP form, and PostgreSQL's timestamptz text. */
    public static Instant toInstant(String text) {
        if (text == null) {
            return null;
        }
        Instant common = parseCommonForm(text);
        if (common != null) {
            return common;
        }
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        String iso = text.replace(' ', 'T');
        if (hasHourOnlyOffset(iso)) {
            iso = iso + ":00";
        } else if (iso.length() <= 23) {
            iso = iso + "Z";
        }
        return OffsetDateTime.parse(iso).toInstant();
    }

    /** PostgreSQL writes a whole-hour offset as "+00"; ISO-8601 parsing wants "+00:00". (Read on every row: no regex.) */
    private static boolean hasHourOnlyOffset(String iso) {
        int sign = iso.length() - 3;
        return sign > 0 && (iso.charAt(sign) == '+' || iso.charAt(sign) == '-') && Character.isDigit(iso.charAt(sign + 1))
                && Character.isDigit(iso.charAt(sign + 2));
    }

    /**
     * {@code yyyy-MM-dd[T or space]HH:mm:ss[.fraction][Z, ±HH, ±HH:MM or nothing for UTC]}, the forms both engines return,
     * read without a formatter: parsing them with one cost an eighth of a meeting read's CPU. Null for any other form.
     */
    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (at < length && text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == start || at - start > 9) {
                return null;
            }
            nanos = digits(text, start, at - start) * (int) Math.pow(10, 9 - (at - start));
        }
        int offsetSeconds = offsetSeconds(text, at);
        int[] fields = {digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2),
                digits(text, 17, 2)};
        if (offsetSeconds == Integer.MIN_VALUE || java.util.Arrays.stream(fields).anyMatch(field -> field < 0)) {
            return null;
        }
        try {
            long local = LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]).toEpochSecond(ZoneOffset.UTC);
            return Instant.ofEpochSecond(local - offsetSeconds, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The offset that ends the text from {@code at}, in seconds; Integer.MIN_VALUE when it is not one. */
    private static int offsetSeconds(String text, int at) {
        int rest = text.length() - at;
        if (rest == 0 || (rest == 1 && text.charAt(at) == 'Z')) {
            return 0;
        }
        char sign = text.charAt(at);
        if ((sign != '+' && sign != '-') || (rest != 3 && (rest != 6 || text.charAt(at + 3) != ':'))) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = rest == 6 ? digits(text, at + 4, 2) : 0;
        if (hours < 0 || minutes < 0) {
            return Integer.MIN_VALUE;
        }
        return (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    }

    /** The decimal number in {@code count} characters from {@code start}; -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
