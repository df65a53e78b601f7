package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner killed with SIGKILL in the middle of a migration leaves nothing half-applied: the next up applies that
 * migration once, from the start, and nothing is recorded twice. PostgreSQL keeps running a killed client's current
 * statement until it next talks to the client, so the next up first waits for that statement (here a 10 s sleep).
 */
class CrashRecoveryIT {
    private static final String SLOW = "V20990101000000__slow_step.sql";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theNextUpCompletesWhatAKilledRunnerLeftMidway(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        Path modules = ScratchFolder.newSubfolder("huddle-crash-");
        Path slowUp = slowModule(modules, engine);
        Path workDir = ScratchFolder.newSubfolder("huddle-runner-");

        Process runner = JarProcess.start(JarProcess.RUNNER_JAR, workDir, Map.of(),
                List.of("--url", db.url(), "--modules-dir", modules.toString(), "up"),
                workDir.resolve("out"), workDir.resolve("err"));
        awaitMidMigration(db, engine, runner);
        runner.destroyForcibly().waitFor();

        // The killed migration never committed: make it quick, as a fixed script would be, and run up again.
        Files.writeString(slowUp, "create table crash_first (id integer primary key);\n");
        JarProcess.Result again = JarProcess.run(JarProcess.RUNNER_JAR, workDir, Map.of(),
                "--url", db.url(), "--modules-dir", modules.toString(), "up");

        assertThat(again.exitCode()).as(again.err()).isZero();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "select count(*) from huddle_schema_history where script = 'crash/" + SLOW + "'")).isEqualTo(1);
            assertThat(Queries.count(statement, "select count(*) from huddle_schema_history where success = false")).isZero();
            assertThat(Queries.count(statement, "select count(*) - count(distinct version) from huddle_schema_history")).isZero();
            assertThat(Queries.count(statement, "select count(*) from crash_first")).isZero();
        }
    }

    /** A module whose one migration creates a table, then works for a long time inside the same transaction. */
    private static Path slowModule(Path modules, Engine engine) throws Exception {
        String slowWork = engine == Engine.POSTGRESQL
                ? "select pg_sleep(10);\n"
                : "with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000000000) select count(*) from n;\n";
        Path up = null;
        for (String dialect : List.of("postgresql", "sqlite")) {
            Path folder = Files.createDirectories(modules.resolve("crash").resolve(dialect));
            Path script = Files.writeString(folder.resolve(SLOW), "create table crash_first (id integer primary key);\n" + slowWork);
            if (dialect.equals(engine == Engine.POSTGRESQL ? "postgresql" : "sqlite")) {
                up = script;
            }
        }
        return up;
    }

    /** Waits until the runner is inside the slow migration: PostgreSQL shows the query, SQLite its rollback journal. */
    private static void awaitMidMigration(TestDatabase db, Engine engine, Process runner) throws Exception {
        BooleanSupplier midway = engine == Engine.POSTGRESQL
                ? () -> activeQueryContains(db, "pg_sleep(10)")
                : () -> Files.exists(Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length()) + "-journal"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!midway.getAsBoolean()) {
            assertThat(runner.isAlive()).as("the runner ended before reaching the slow migration").isTrue();
            assertThat(Instant.now()).as("the runner never reached the slow migration").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean activeQueryContains(TestDatabase db, String text) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            return Queries.count(statement, "select count(*) from pg_stat_activity where state = 'active' and query like '%"
                    + text.replace("'", "''") + "%' and pid <> pg_backend_pid()") > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
