package dev.huddle.eventssync.api;

import dev.huddle.eventssync.store.EventsDialect;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads behind the events API. Rows marked removed upstream are left out: they stay in the tables for history,
 * but the portal shows what Airtable holds.
 */
@Singleton
class EventQueries {
    private static final String EVENT_COLUMNS = "id, airtable_id, name, description, starts_at, ends_at, location, poc_name, "
            + "poc_email, triage_status, capacity, synced_at";

    private final DataSource dataSource;

    EventQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<EventView> events(EventFilter filter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            EventsDialect dialect = EventsDialect.of(connection);
            StringBuilder sql = new StringBuilder("SELECT " + EVENT_COLUMNS + " FROM events WHERE removed_upstream_at IS NULL");
            if (filter.triageStatus() != null) {
                sql.append(" AND triage_status = ").append(dialect.enumParameter("event_triage_status"));
            }
            if (filter.startsFrom() != null) {
                sql.append(" AND starts_at >= ?");
            }
            if (filter.startsBefore() != null) {
                sql.append(" AND starts_at < ?");
            }
            // Undated events last, then by name, so the order is stable on both engines.
            sql.append(" ORDER BY CASE WHEN starts_at IS NULL THEN 1 ELSE 0 END, starts_at, name, id");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int index = 1;
                if (filter.triageStatus() != null) {
                    select.setString(index++, filter.triageStatus());
                }
                if (filter.startsFrom() != null) {
                    dialect.setInstant(select, index++, filter.startsFrom());
                }
                if (filter.startsBefore() != null) {
                    dialect.setInstant(select, index, filter.startsBefore());
                }
                List<EventView> events = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(eventOf(row, dialect));
                    }
                }
                return events;
            }
        }
    }

    Optional<EventDetail> event(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            EventsDialect dialect = EventsDialect.of(connection);
            EventView event;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM events WHERE id = ? AND removed_upstream_at IS NULL")) {
                dialect.setUuid(select, 1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    event = eventOf(row, dialect);
                }
            }
            List<AttendeeView> attendees = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, airtable_id, name, email, registration_status "
                    + "FROM attendees WHERE event_id = ? AND removed_upstream_at IS NULL ORDER BY name, email, id")) {
                dialect.setUuid(select, 1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        attendees.add(new AttendeeView(dialect.getUuid(row, "id"), row.getString("airtable_id"), row.getString("name"),
                                row.getString("email"), row.getString("registration_status")));
                    }
                }
            }
            return Optional.of(new EventDetail(event, attendees));
        }
    }

    List<AdminView> admins() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, email, name, permission_level FROM admins ORDER BY email");
             ResultSet row = select.executeQuery()) {
            EventsDialect dialect = EventsDialect.of(connection);
            List<AdminView> admins = new ArrayList<>();
            while (row.next()) {
                admins.add(new AdminView(dialect.getUuid(row, "id"), row.getString("email"), row.getString("name"),
                        row.getString("permission_level")));
            }
            return admins;
        }
    }

    private static EventView eventOf(ResultSet row, EventsDialect dialect) throws SQLException {
        return new EventView(dialect.getUuid(row, "id"), row.getString("airtable_id"), row.getString("name"),
                row.getString("description"), dialect.getInstant(row, "starts_at"), dialect.getInstant(row, "ends_at"),
                row.getString("location"), row.getString("poc_name"), row.getString("poc_email"), row.getString("triage_status"),
                EventsDialect.getInteger(row, "capacity"), dialect.getInstant(row, "synced_at"));
    }
}
