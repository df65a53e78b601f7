package dev.huddle.eventssync.sync;

import java.time.Instant;

/** What the sync keeps of an Airtable event; equal values mean the stored row is up to date. */
record EventFields(String name, String description, Instant startsAt, Instant endsAt, String location, String pocName,
                   String pocEmail, String triageStatus, Integer capacity) {
}
