package dev.huddle.meetings.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

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
    /** PostgreSQL writes a whole-hour offset as "+00"; ISO-8601 parsing wants "+00:00". */
    private static final Pattern HOUR_ONLY_OFFSET = Pattern.compile("[+-]\\d\\d$");

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
        if (HOUR_ONLY_OFFSET.matcher(iso).find()) {
            iso = iso + ":00";
        } else if (iso.length() <= 23) {
            iso = iso + "Z";
        }
        return OffsetDateTime.parse(iso).toInstant();
    }
}
