package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another connection (the app, a person's sqlite3 shell) holding SQLite's write lock past the lock timeout is reported
 * as exactly that, exit 4, not as a failed migration; nothing is applied.
 */
class SqliteBusyRunnerIT {

    @Test
    void aWriterHoldingTheDatabasePastTheLockTimeoutExitsFourNamingIt() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        try (Connection other = database.connect(); Statement statement = other.createStatement()) {
            statement.execute("create table someone_elses (id integer)");
            statement.execute("begin immediate");
            statement.execute("insert into someone_elses values (1)");

            Run up = Run.run(database, Scenarios.path("interleaved").toString(), "--lock-timeout", "1", "up");

            assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
            assertThat(up.err()).contains("write lock for longer than the lock timeout", "SQLITE_BUSY", "--lock-timeout");
            statement.execute("rollback");
        }
        try (Connection check = database.connect(); Statement statement = check.createStatement()) {
            assertThat(check.getMetaData().getTables(null, null, "alpha_items", null).next()).isFalse();
        }
    }
}
