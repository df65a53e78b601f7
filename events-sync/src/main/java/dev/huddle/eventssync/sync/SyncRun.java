package dev.huddle.eventssync.sync;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code sync_metadata}: one run of a sync.
 *
 * @param recordsRead every record read from Airtable; the four counts say what the run did with them
 * @param errors      the skipped records' reasons or the failure, one per line; null when there were none
 */
@Serdeable
public record SyncRun(UUID id, String syncName, String status, Instant startedAt, Instant finishedAt, int recordsRead,
                      int created, int updated, int removed, int skipped, String errors) {
}
