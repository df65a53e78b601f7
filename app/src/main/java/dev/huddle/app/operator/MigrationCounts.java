package dev.huddle.app.operator;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.StatusReport;

import java.time.Duration;

/**
 * The migration counts the gauges report, read from the history at most once per {@link #MAX_AGE}: a scrape reads three
 * gauges, and each would otherwise query the database. NaN while the history cannot be read, as a gauge says "unknown".
 */
final class MigrationCounts {
    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final Migrator migrator;
    private StatusReport report;
    private long readAt;

    MigrationCounts(Migrator migrator) {
        this.migrator = migrator;
    }

    synchronized double count(MigrationState state) {
        if (report == null || System.nanoTime() - readAt > MAX_AGE.toNanos()) {
            try {
                report = migrator.status();
                readAt = System.nanoTime();
            } catch (RuntimeException e) {
                report = null;
                return Double.NaN;
            }
        }
        // Out-of-order migrations are applied ones too, as /health counts them.
        return state == MigrationState.APPLIED ? report.appliedCount() : report.count(state);
    }
}
