package dev.huddle.eventssync.sync;

import dev.huddle.eventssync.store.EventsDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the difference between the Airtable listings and the tables, on the caller's connection and transaction:
 * inserts records new to Airtable, updates those whose values changed (or that came back after a removal), and marks
 * synced rows no longer listed as removed upstream. A row that already holds the listed values is not touched, so a
 * run without upstream changes changes nothing. Rows created locally (never synced) are not the sync's to remove.
 */
final class SyncWriter {
    private final Connection connection;
    private final EventsDialect dialect;
    private final Instant now;

    SyncWriter(Connection connection, EventsDialect dialect, Instant now) {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
    }

    SyncCounts write(MappedListings listings) throws SQLException {
        Map<String, StoredRow<EventFields>> events = storedEvents();
        SyncCounts counts = new SyncCounts(0, 0, 0);
        Map<String, UUID> eventIds = new HashMap<>();
        for (Map.Entry<String, EventFields> listed : listings.events().entrySet()) {
            StoredRow<EventFields> stored = events.get(listed.getKey());
            if (stored == null) {
                UUID id = UUID.randomUUID();
                writeEvent("INSERT INTO events (name, description, starts_at, ends_at, location, poc_name, poc_email, triage_status, "
                        + "capacity, synced_at, id, airtable_id) VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.enumParameter("event_triage_status")
                        + ", ?, ?, ?, ?)", listed.getValue(), id, listed.getKey());
                eventIds.put(listed.getKey(), id);
                counts = counts.plus(new SyncCounts(1, 0, 0));
            } else {
                eventIds.put(listed.getKey(), stored.id());
                if (!stored.isCurrent(listed.getValue())) {
                    writeEvent("UPDATE events SET name = ?, description = ?, starts_at = ?, ends_at = ?, location = ?, poc_name = ?, "
                            + "poc_email = ?, triage_status = " + dialect.enumParameter("event_triage_status") + ", capacity = ?, "
                            + "synced_at = ?, removed_upstream_at = NULL WHERE id = ? AND airtable_id = ?", listed.getValue(), stored.id(), listed.getKey());
                    counts = counts.plus(new SyncCounts(0, 1, 0));
                }
            }
        }
        counts = counts.plus(markRemoved("events", events, listings.events()));

        Map<String, StoredRow<AttendeeFields>> attendees = storedAttendees();
        for (Map.Entry<String, AttendeeFields> listed : listings.attendees().entrySet()) {
            StoredRow<AttendeeFields> stored = attendees.get(listed.getKey());
            UUID eventId = eventIds.get(listed.getValue().eventAirtableId());
            if (stored == null) {
                writeAttendee("INSERT INTO attendees (event_id, name, email, registration_status, id, airtable_id) VALUES (?, ?, ?, "
                        + dialect.enumParameter("attendee_registration_status") + ", ?, ?)", eventId, listed.getValue(), UUID.randomUUID(), listed.getKey());
                counts = counts.plus(new SyncCounts(1, 0, 0));
            } else if (!stored.isCurrent(listed.getValue())) {
                writeAttendee("UPDATE attendees SET event_id = ?, name = ?, email = ?, registration_status = "
                        + dialect.enumParameter("attendee_registration_status") + ", removed_upstream_at = NULL WHERE id = ? AND airtable_id = ?",
                        eventId, listed.getValue(), stored.id(), listed.getKey());
                counts = counts.plus(new SyncCounts(0, 1, 0));
            }
        }
        return counts.plus(markRemoved("attendees", attendees, listings.attendees()));
    }

    /**
     * A stored row: its id, the values the sync last wrote, whether it is marked removed upstream, and whether the sync
     * owns it (synced events; every attendee, since attendees exist only through the sync).
     */
    private record StoredRow<F>(UUID id, F fields, boolean removed, boolean synced) {
        boolean isCurrent(F listed) {
            return !removed && fields.equals(listed);
        }
    }

    private Map<String, StoredRow<EventFields>> storedEvents() throws SQLException {
        Map<String, StoredRow<EventFields>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, airtable_id, name, description, starts_at, ends_at, "
                + "location, poc_name, poc_email, triage_status, capacity, synced_at, removed_upstream_at FROM events");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                EventFields fields = new EventFields(row.getString("name"), row.getString("description"),
                        dialect.getInstant(row, "starts_at"), dialect.getInstant(row, "ends_at"), row.getString("location"),
                        row.getString("poc_name"), row.getString("poc_email"), row.getString("triage_status"),
                        EventsDialect.getInteger(row, "capacity"));
                rows.put(row.getString("airtable_id"), new StoredRow<>(dialect.getUuid(row, "id"), fields,
                        row.getObject("removed_upstream_at") != null, row.getObject("synced_at") != null));
            }
        }
        return rows;
    }

    private Map<String, StoredRow<AttendeeFields>> storedAttendees() throws SQLException {
        Map<String, StoredRow<AttendeeFields>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT a.id, a.airtable_id, e.airtable_id AS event_airtable_id, "
                + "a.name, a.email, a.registration_status, a.removed_upstream_at FROM attendees a JOIN events e ON e.id = a.event_id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                AttendeeFields fields = new AttendeeFields(row.getString("event_airtable_id"), row.getString("name"),
                        row.getString("email"), row.getString("registration_status"));
                rows.put(row.getString("airtable_id"), new StoredRow<>(dialect.getUuid(row, "id"), fields,
                        row.getObject("removed_upstream_at") != null, true));
            }
        }
        return rows;
    }

    private void writeEvent(String sql, EventFields event, UUID id, String airtableId) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, event.name());
            write.setString(2, event.description());
            dialect.setInstant(write, 3, event.startsAt());
            dialect.setInstant(write, 4, event.endsAt());
            write.setString(5, event.location());
            write.setString(6, event.pocName());
            write.setString(7, event.pocEmail());
            write.setString(8, event.triageStatus());
            EventsDialect.setInteger(write, 9, event.capacity());
            dialect.setInstant(write, 10, now);
            dialect.setUuid(write, 11, id);
            write.setString(12, airtableId);
            write.executeUpdate();
        }
    }

    private void writeAttendee(String sql, UUID eventId, AttendeeFields attendee, UUID id, String airtableId) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            dialect.setUuid(write, 1, eventId);
            write.setString(2, attendee.name());
            write.setString(3, attendee.email());
            write.setString(4, attendee.registrationStatus());
            dialect.setUuid(write, 5, id);
            write.setString(6, airtableId);
            write.executeUpdate();
        }
    }

    private <F> SyncCounts markRemoved(String table, Map<String, StoredRow<F>> stored, Map<String, F> listed) throws SQLException {
        int removed = 0;
        // The table name is one of this class's two literals, never input.
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET removed_upstream_at = ? WHERE id = ?")) {
            for (Map.Entry<String, StoredRow<F>> row : stored.entrySet()) {
                if (row.getValue().synced() && !row.getValue().removed() && !listed.containsKey(row.getKey())) {
                    dialect.setInstant(update, 1, now);
                    dialect.setUuid(update, 2, row.getValue().id());
                    update.executeUpdate();
                    removed++;
                }
            }
        }
        return new SyncCounts(0, 0, removed);
    }
}
