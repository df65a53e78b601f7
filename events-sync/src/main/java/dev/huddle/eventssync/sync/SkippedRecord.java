package dev.huddle.eventssync.sync;

/** A record the run did not write, and why; {@code airtableId} is null when the record had none. */
record SkippedRecord(String table, String airtableId, String reason) {
    @Override
    public String toString() {
        return table + " " + (airtableId == null ? "(record without id)" : airtableId) + ": " + reason;
    }
}
