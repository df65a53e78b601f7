package dev.huddle.eventssync.sync;

import dev.huddle.eventssync.airtable.AirtableRecord;
import dev.huddle.eventssync.store.EventsDialect;
import dev.huddle.eventssync.store.SchemaEnums;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns Airtable records into the values the sync writes. A record that cannot be written as it is (no name, a date
 * that is not a date, a status outside the schema's, an attendee without an event) is skipped with its reason and the
 * rest of the run goes on. Attendees are cleaned of duplicates: one person (email) registered twice for one event
 * keeps the registration made first in Airtable.
 */
final class RecordMapping {
    static final String EVENT_NAME = "Name";
    static final String EVENT_DESCRIPTION = "Description";
    static final String EVENT_START = "Start";
    static final String EVENT_END = "End";
    static final String EVENT_LOCATION = "Location";
    static final String EVENT_POC_NAME = "POC Name";
    static final String EVENT_POC_EMAIL = "POC Email";
    static final String EVENT_TRIAGE_STATUS = "Triage Status";
    static final String EVENT_CAPACITY = "Capacity";
    static final String ATTENDEE_NAME = "Name";
    static final String ATTENDEE_EMAIL = "Email";
    static final String ATTENDEE_EVENT = "Event";
    static final String ATTENDEE_STATUS = "Status";

    private final String eventsTable;
    private final String attendeesTable;
    private final List<SkippedRecord> skipped = new ArrayList<>();

    private RecordMapping(String eventsTable, String attendeesTable) {
        this.eventsTable = eventsTable;
        this.attendeesTable = attendeesTable;
    }

    static MappedListings map(String eventsTable, List<AirtableRecord> events, String attendeesTable, List<AirtableRecord> attendees) {
        RecordMapping mapping = new RecordMapping(eventsTable, attendeesTable);
        Map<String, EventFields> mappedEvents = mapping.events(events);
        Map<String, AttendeeFields> mappedAttendees = mapping.attendees(attendees, mappedEvents);
        return new MappedListings(mappedEvents, mappedAttendees, List.copyOf(mapping.skipped), events.size() + attendees.size());
    }

    private Map<String, EventFields> events(List<AirtableRecord> records) {
        Map<String, EventFields> mapped = new LinkedHashMap<>();
        for (AirtableRecord record : records) {
            if (identified(eventsTable, record, mapped.keySet())) {
                try {
                    mapped.put(record.id(), event(record.fields()));
                } catch (MalformedFieldException e) {
                    skipped.add(new SkippedRecord(eventsTable, record.id(), e.getMessage()));
                }
            }
        }
        return mapped;
    }

    private Map<String, AttendeeFields> attendees(List<AirtableRecord> records, Map<String, EventFields> events) {
        Map<String, AirtableRecord> kept = new LinkedHashMap<>();
        Map<String, AttendeeFields> mapped = new HashMap<>();
        for (AirtableRecord record : records) {
            if (!identified(attendeesTable, record, kept.keySet())) {
                continue;
            }
            try {
                AttendeeFields attendee = attendee(record.fields());
                if (!events.containsKey(attendee.eventAirtableId())) {
                    throw new MalformedFieldException("linked to event " + attendee.eventAirtableId()
                            + ", which is not a synced record of " + eventsTable);
                }
                kept.put(record.id(), record);
                mapped.put(record.id(), attendee);
            } catch (MalformedFieldException e) {
                skipped.add(new SkippedRecord(attendeesTable, record.id(), e.getMessage()));
            }
        }
        return withoutDuplicates(kept, mapped);
    }

    /** One attendee per event and email: the one created first in Airtable (then the lowest record id) stays. */
    private Map<String, AttendeeFields> withoutDuplicates(Map<String, AirtableRecord> records, Map<String, AttendeeFields> mapped) {
        Comparator<AirtableRecord> firstCreated = Comparator.comparing(AirtableRecord::createdTime,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(AirtableRecord::id);
        Map<String, AirtableRecord> firstPerPerson = new HashMap<>();
        for (AirtableRecord record : records.values()) {
            AttendeeFields attendee = mapped.get(record.id());
            if (attendee.email() != null) {
                firstPerPerson.merge(attendee.eventAirtableId() + "\n" + attendee.email(), record,
                        (a, b) -> firstCreated.compare(a, b) <= 0 ? a : b);
            }
        }
        Map<String, AttendeeFields> unique = new LinkedHashMap<>();
        for (AirtableRecord record : records.values()) {
            AttendeeFields attendee = mapped.get(record.id());
            AirtableRecord first = attendee.email() == null ? record
                    : firstPerPerson.get(attendee.eventAirtableId() + "\n" + attendee.email());
            if (first == record) {
                unique.put(record.id(), attendee);
            } else {
                skipped.add(new SkippedRecord(attendeesTable, record.id(), "duplicate of " + first.id()
                        + " (same event and email); the registration made first is kept"));
            }
        }
        return unique;
    }

    private boolean identified(String table, AirtableRecord record, Set<String> seen) {
        if (record.id() == null || record.id().isBlank()) {
            skipped.add(new SkippedRecord(table, null, "listed without a record id"));
            return false;
        }
        if (seen.contains(record.id())) {
            skipped.add(new SkippedRecord(table, record.id(), "listed twice; the first listing is kept"));
            return false;
        }
        return true;
    }

    private static EventFields event(Map<String, JsonNode> fields) {
        String name = text(fields, EVENT_NAME);
        if (name == null || name.isBlank()) {
            throw new MalformedFieldException("no " + EVENT_NAME + "; every event needs one");
        }
        Instant startsAt = instant(fields, EVENT_START);
        Instant endsAt = instant(fields, EVENT_END);
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            throw new MalformedFieldException(EVENT_END + " " + endsAt + " is before " + EVENT_START + " " + startsAt);
        }
        String triage = choice(fields, EVENT_TRIAGE_STATUS, SchemaEnums.TRIAGE_STATUSES);
        Integer capacity = integer(fields, EVENT_CAPACITY);
        if (capacity != null && capacity <= 0) {
            throw new MalformedFieldException(EVENT_CAPACITY + " " + capacity + " is not positive; leave it empty for no limit");
        }
        return new EventFields(name.strip(), text(fields, EVENT_DESCRIPTION), startsAt, endsAt, text(fields, EVENT_LOCATION),
                text(fields, EVENT_POC_NAME), email(fields, EVENT_POC_EMAIL), triage == null ? "untriaged" : triage, capacity);
    }

    private static AttendeeFields attendee(Map<String, JsonNode> fields) {
        String event = linkedRecord(fields, ATTENDEE_EVENT);
        if (event == null) {
            throw new MalformedFieldException("no " + ATTENDEE_EVENT + " linked; every attendee belongs to an event");
        }
        String status = choice(fields, ATTENDEE_STATUS, SchemaEnums.REGISTRATION_STATUSES);
        return new AttendeeFields(event, text(fields, ATTENDEE_NAME), email(fields, ATTENDEE_EMAIL), status == null ? "registered" : status);
    }

    private static String text(Map<String, JsonNode> fields, String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedFieldException(field + " is not text");
        }
        return value.getStringValue();
    }

    private static String email(Map<String, JsonNode> fields, String field) {
        String email = text(fields, field);
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A date-time (kept to the millisecond, as stored) or a date (its start, UTC). */
    private static Instant instant(Map<String, JsonNode> fields, String field) {
        String value = text(fields, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EventsDialect.stored(value.contains("T") ? Instant.parse(value.strip())
                    : LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedFieldException(field + " '" + value + "' is not an ISO-8601 date or date-time");
        }
    }

    private static Integer integer(Map<String, JsonNode> fields, String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.getNumberValue().doubleValue() != Math.rint(value.getNumberValue().doubleValue())
                || Math.abs(value.getNumberValue().doubleValue()) > Integer.MAX_VALUE) {
            throw new MalformedFieldException(field + " is not a whole number");
        }
        return value.getNumberValue().intValue();
    }

    /** A single-select value, read the way Airtable shows it ("In Review") or as the schema stores it ("in_review"). */
    private static String choice(Map<String, JsonNode> fields, String field, Set<String> allowed) {
        String value = text(fields, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (!allowed.contains(normalized)) {
            throw new MalformedFieldException(field + " '" + value + "' is not one of " + new TreeSet<>(allowed));
        }
        return normalized;
    }

    /** A linked-record field: Airtable lists the linked ids; the first one is the attendee's event. */
    private static String linkedRecord(Map<String, JsonNode> fields, String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue();
        }
        if (!value.isArray()) {
            throw new MalformedFieldException(field + " is not a linked record");
        }
        for (JsonNode linked : value.values()) {
            if (!linked.isString()) {
                throw new MalformedFieldException(field + " is not a linked record");
            }
            return linked.getStringValue();
        }
        return null;
    }

    /** A field whose value the schema cannot hold; its message is the reason the record is skipped. */
    private static final class MalformedFieldException extends RuntimeException {
        MalformedFieldException(String reason) {
            super(reason);
        }
    }
}
