package dev.huddle.eventssync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The one place that knows how the events-sync tables differ between the engines: PostgreSQL has uuid, timestamptz
 * and enum columns, SQLite keeps all three as text. Timestamps are kept to the millisecond on both, so a value read
 * back equals the value written and an unchanged record compares equal.
 */
public enum EventsDialect {
    POSTGRESQL,
    SQLITE;

    // The format of the schema's own defaults (strftime('%Y-%m-%dT%H:%M:%fZ')): fixed width, so text order is time order.
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static EventsDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        throw new SQLException("The events sync runs on PostgreSQL or SQLite, not on " + product
                + ": point the app's datasource at one of them.");
    }

    /** The timestamp the tables keep for an instant. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A parameter placeholder for a value of the named PostgreSQL enum type (SQLite checks the text itself). */
    public String enumParameter(String enumType) {
        return this == POSTGRESQL ? "CAST(? AS " + enumType + ")" : "?";
    }

    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        Instant kept = stored(value);
        if (this == POSTGRESQL) {
            statement.setObject(index, kept == null ? null : kept.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setString(index, kept == null ? null : SQLITE_TIME.format(kept));
        }
    }

    public Instant getInstant(ResultSet row, String column) throws SQLException {
        if (this == POSTGRESQL) {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        String value = row.getString(column);
        return value == null ? null : Instant.parse(value);
    }

    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (this == POSTGRESQL) {
            statement.setObject(index, value, Types.OTHER);
        } else {
            statement.setString(index, value == null ? null : value.toString());
        }
    }

    public UUID getUuid(ResultSet row, String column) throws SQLException {
        if (this == POSTGRESQL) {
            return row.getObject(column, UUID.class);
        }
        String value = row.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    /** An integer column that may be NULL. */
    public static Integer getInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
