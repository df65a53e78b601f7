package dev.huddle.migration.status;

import java.time.Instant;

/**
 * One line of status: a migration with its state and, when applied, when and how long it took.
 *
 * @param reversible whether a down script can roll it back; null when that does not apply (excluded, missing)
 * @param note       why it is excluded, or what is wrong with it; null when nothing is
 */
public record MigrationStatus(String module, String version, String description, String script, MigrationState state,
                              Instant installedOn, Integer executionTimeMillis, Boolean reversible, String note) {
}
