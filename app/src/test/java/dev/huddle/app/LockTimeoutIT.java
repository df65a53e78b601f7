package dev.huddle.app;

import dev.huddle.migration.lock.MigrationLock;
import dev.huddle.migration.lock.SqliteFileLock;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.SchemaInspector;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A runner that cannot get the migration lock in time exits 4 and says who holds it; nothing changes meanwhile. */
class LockTimeoutIT {

    @Test
    void postgresRunnerGivesUpNamingTheSessionThatHoldsTheLock() throws Exception {
        TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL);
        try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
            statement.execute("set application_name = 'maintenance by alice'");
            statement.execute("select pg_advisory_lock(" + 0x687564646c65L + ")");

            JarProcess.Result run = JarProcess.run(JarProcess.RUNNER_JAR, ScratchFolder.newSubfolder("huddle-"), Map.of(),
                    "--url", db.url(), "--lock-timeout", "1", "up");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
            assertThat(run.err()).contains("Timed out after 1 s waiting for the migration lock", "maintenance by alice");
        }
        try (Connection connection = db.connect()) {
            assertThat(new SchemaInspector(connection).tables()).isEmpty();
        }
    }

    @Test
    void sqliteRunnerGivesUpNamingTheProcessThatHoldsTheLock() throws Exception {
        TestDatabase db = TestDatabases.fresh(Engine.SQLITE);
        Path file = Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length()));
        try (MigrationLock.Held held = new SqliteFileLock(file).acquire(Duration.ofSeconds(5))) {
            JarProcess.Result run = JarProcess.run(JarProcess.RUNNER_JAR, ScratchFolder.newSubfolder("huddle-"), Map.of(),
                    "--url", db.url(), "--lock-timeout", "1", "up");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
            assertThat(run.err()).contains("Timed out after 1 s waiting for the migration lock",
                    "huddle pid " + ProcessHandle.current().pid());
        }
        JarProcess.Result after = JarProcess.run(JarProcess.RUNNER_JAR, ScratchFolder.newSubfolder("huddle-"), Map.of(), "--url", db.url(), "up");
        assertThat(after.exitCode()).as(after.err()).isZero();
    }
}
