package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.connect.SqliteWritability;
import dev.huddle.migration.failure.DatabaseReadOnlyException;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQLite database opened read-only through its URL. SQLite only: PostgreSQL has no such open mode. (Tests run as
 * root, which writes any file whatever its permissions, so the URL is the only way to make one read-only.)
 *
 * <p>Intended: {@code up} exits 4 saying the database is read-only, and changes nothing. None of these URLs gets there.
 */
class SqliteReadOnlyRunnerIT {
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @Test
    void upOnADatabaseOpenedWithModeRoExitsFourAndChangesNothing() throws Exception {
        TestDatabase database = halfMigrated();
        Path file = file(database);
        List<String> history = HistoryRows.rows(database);
        List<String> files = Scenarios.files(file.getParent());

        Run up = run("jdbc:sqlite:file:" + file + "?mode=ro", INTERLEAVED, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(up.err()).contains("is read-only (", "Make the file and its folder writable");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
        assertThat(Scenarios.files(file.getParent())).isEqualTo(files);
    }

    @Test
    void upHonoursTheReadOnlyOpenModeOfTheUrl() throws Exception {
        TestDatabase database = halfMigrated();
        List<String> history = HistoryRows.rows(database);

        Run up = run("jdbc:sqlite:" + file(database) + "?open_mode=1", INTERLEAVED, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(up.err()).contains("is read-only (");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @Test
    void theWritabilityCheckRefusesAReadOnlyConnection() throws Exception {
        Path file = file(halfMigrated());

        for (String url : List.of("jdbc:sqlite:file:" + file + "?mode=ro", "jdbc:sqlite:" + file + "?open_mode=1")) {
            try (Connection readOnly = DriverManager.getConnection(url); Statement statement = readOnly.createStatement()) {
                assertThatThrownBy(() -> statement.execute("create table probe (id integer)")).as(url).hasMessageContaining("SQLITE_READONLY");

                assertThatThrownBy(() -> SqliteWritability.check(readOnly, url)).as(url)
                        .isInstanceOf(DatabaseReadOnlyException.class).hasMessageContaining("is read-only");
            }
        }
    }

    /** A SQLite database with the first two of interleaved's four migrations applied. */
    private static TestDatabase halfMigrated() {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        assertThat(run(database, INTERLEAVED, "up", "--target", "20250102000000").code()).isEqualTo(ExitCodes.OK);
        return database;
    }

    private static Path file(TestDatabase database) {
        return DatabaseTargets.fromUrl(database.url()).sqliteFile();
    }
}
