package dev.huddle.eventssync.store;

import java.util.Set;

/** The values of the schema's enum columns (PostgreSQL enum types, SQLite CHECK lists), for code that checks input. */
public final class SchemaEnums {
    /** {@code events.triage_status} ({@code event_triage_status}). */
    public static final Set<String> TRIAGE_STATUSES = Set.of("untriaged", "in_review", "approved", "rejected");
    /** {@code attendees.registration_status} ({@code attendee_registration_status}). */
    public static final Set<String> REGISTRATION_STATUSES = Set.of("registered", "waitlisted", "cancelled", "attended");

    private SchemaEnums() {
    }
}
