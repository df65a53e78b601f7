package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL migration lock lives on the connection that migrates. When that server session ends mid-run (an
 * administrator, idle_session_timeout, a dropped link), the run dies with it: nothing commits without the lock, the
 * runner exits 4 naming the lost connection, and the next runner applies each migration exactly once.
 *
 * <p>The slow migration sleeps only while the database carries {@value #SLEEP_SETTING}: the first run's session finds
 * it and sleeps until it is ended; the next run, started after the setting is reset, applies the same script at once
 * instead of sleeping out the full 30 seconds.
 */
class LostConnectionRunnerIT {
    private static final String SLEEP_SETTING = "huddle.lost_connection_sleep";
    private static final String SLEEP = "select pg_sleep(coalesce(current_setting('" + SLEEP_SETTING + "', true)::float, 0));";
    @TempDir
    Path modules;

    @Test
    void aRunWhoseSessionIsTerminatedCommitsNothingExitsFourAndTheNextRunAppliesEachMigrationOnce() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        write("V20250101000000__slow_items.sql", "create table items (id integer primary key);\n" + SLEEP + "\n");
        write("V20250102000000__tags.sql", "create table tags (id integer primary key);\n");
        sleepInNewSessions(database, "30");

        CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> Run.run(database, modules.toString(), "up"));
        int killed = terminateWhenSleeping(database);
        Run lost = first.get(60, TimeUnit.SECONDS);
        sleepInNewSessions(database, null);
        Run next = Run.run(database, modules.toString(), "up");

        assertThat(killed).isEqualTo(1);
        assertThat(lost.code()).as(lost.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(lost.err()).contains("connection to", "was lost", "run again");
        assertThat(next.code()).as(next.err()).isZero();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, count(*) from huddle_schema_history group by version order by 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(2)).isEqualTo(1);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(2)).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
    }

    /** Sets (or, given null, resets) the seconds the slow migration sleeps, for sessions opened from now on. */
    private static void sleepInNewSessions(TestDatabase database, String seconds) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter database \"" + connection.getCatalog() + "\" "
                    + (seconds == null ? "reset " + SLEEP_SETTING : "set " + SLEEP_SETTING + " = " + seconds));
        }
    }

    /** Waits until the runner's session sleeps inside its migration, then ends that session as an administrator would. */
    private static int terminateWhenSleeping(TestDatabase database) throws Exception {
        String sql = "select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = current_database() and pid <> pg_backend_pid() and query like '%pg_sleep(%'"
                + " and wait_event = 'PgSleep'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection admin = database.connect(); PreparedStatement terminate = admin.prepareStatement(sql)) {
            while (System.nanoTime() < deadline) {
                try (ResultSet result = terminate.executeQuery()) {
                    result.next();
                    if (result.getInt(1) > 0) {
                        return result.getInt(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        return 0;
    }

    private void write(String fileName, String postgresScript) {
        Scenarios.write(Scenarios.script(modules, "slow", Dialect.POSTGRESQL, fileName), postgresScript);
        Scenarios.write(Scenarios.script(modules, "slow", Dialect.SQLITE, fileName), "select 1;\n");
    }
}
