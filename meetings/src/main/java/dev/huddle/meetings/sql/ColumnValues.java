package dev.huddle.meetings.sql;

import java.time.Instant;
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
}
