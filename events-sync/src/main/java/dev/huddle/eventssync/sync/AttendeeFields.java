package dev.huddle.eventssync.sync;

/**
 * What the sync keeps of an Airtable attendee; equal values mean the stored row is up to date.
 *
 * @param eventAirtableId the Airtable id of the event the attendee is linked to
 */
record AttendeeFields(String eventAirtableId, String name, String email, String registrationStatus) {
}
