package dev.huddle.migration;

import java.time.Duration;

/**
 * How commands behave against a database, as the runner's options and the app's {@code huddle.migration.*} set them.
 *
 * @param lockTimeout             how long a command waits for another runner's migration lock (and SQLite's write lock)
 * @param transactionPerMigration commit after each migration instead of once per run
 * @param historySchema           the PostgreSQL schema of the history table, or null for the connection's current one
 */
public record MigrationSettings(Duration lockTimeout, boolean transactionPerMigration, String historySchema) {
}
