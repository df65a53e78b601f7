package dev.huddle.migration.connect;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How long a SQLite connection waits for another connection's write lock is the caller's to choose. SQLite only. */
class SqliteBusyTimeoutIT {

    @Test
    void aBlockedWriterGivesUpAfterTheBusyTimeoutItWasGiven() throws Exception {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:sqlite:" + TestDatabases.newSqliteFile());
        try (Connection holder = target.dataSource().getConnection(); Statement hold = holder.createStatement()) {
            hold.execute("create table t (x integer)");
            holder.setAutoCommit(false);
            hold.execute("insert into t values (1)");

            try (Connection blocked = target.dataSource(Duration.ofSeconds(1)).getConnection()) {
                long started = System.nanoTime();
                // Transactions begin immediate: the write lock is asked for here.
                SQLException busy = catchThrowableOfType(SQLException.class, () -> blocked.setAutoCommit(false));
                Duration waited = Duration.ofNanos(System.nanoTime() - started);

                assertThat((Throwable) busy).isNotNull().hasMessageContaining("SQLITE_BUSY");
                // A behaviour check, not a benchmark: it waited about the second it was given, not the 10 s default.
                assertThat(waited).isBetween(Duration.ofMillis(800), Duration.ofSeconds(5));
            }
            holder.rollback();
        }
    }

    @Test
    void aTargetCarriesItsBusyTimeoutToEveryConnection() throws Exception {
        DatabaseTarget target = DatabaseTargets.fromUrl("jdbc:sqlite:" + TestDatabases.newSqliteFile());
        try (Connection holder = target.connect(); Connection blocked = target.withSqliteBusyTimeout(Duration.ofMillis(500)).connect()) {
            holder.setAutoCommit(false);
            long started = System.nanoTime();
            SQLException busy = catchThrowableOfType(SQLException.class, () -> blocked.setAutoCommit(false));

            assertThat((Throwable) busy).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            holder.rollback();
        }
    }

    @Test
    void theLockTimeoutOfMigrationsBecomesTheBusyTimeout() throws Exception {
        String url = "jdbc:sqlite:" + TestDatabases.newSqliteFile();
        DatabaseTarget target = DatabaseTargets.fromUrl(url);
        try (Connection holder = target.dataSource().getConnection(); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("create table t (x integer)");

            long started = System.nanoTime();
            RuntimeException busy = catchThrowableOfType(RuntimeException.class, () -> Scenarios.migrations(Scenarios.path("interleaved"))
                    .withLockTimeout(Duration.ofSeconds(1)).against(target).up());
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(busy).isNotNull();
            assertThat(busy).hasStackTraceContaining("SQLITE_BUSY");
            // Each wait lasts the second given, where the fixed 10 s busy timeout made the whole run take 20 s or more.
            assertThat(waited).isLessThan(Duration.ofSeconds(8));
            holder.rollback();
        }
    }
}
