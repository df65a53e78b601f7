package dev.huddle.eventssync.sync;

import java.util.List;
import java.util.Map;

/**
 * Both Airtable tables as the sync will write them, keyed by Airtable record id, and the records it will not write.
 *
 * @param read every record Airtable listed, written or skipped
 */
record MappedListings(Map<String, EventFields> events, Map<String, AttendeeFields> attendees, List<SkippedRecord> skipped,
                      int read) {
}
