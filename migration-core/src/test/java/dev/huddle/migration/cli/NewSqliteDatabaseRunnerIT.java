package dev.huddle.migration.cli;

import dev.huddle.migration.Interleaved;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code up} may create a SQLite database, and it says so; the commands that read or undo report a path with no
 * database, creating neither the file nor its folder.
 */
class NewSqliteDatabaseRunnerIT {
    private static final String INTERLEAVED = Interleaved.path().toString();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"status", "validate", "down", "redo"})
    void aCommandThatReadsOrUndoesReportsTheMissingDatabaseAndCreatesNothing(String command) throws Exception {
        Path file = temp.resolve("new-folder").resolve("huddle.db");

        Run run = run("jdbc:sqlite:" + file, INTERLEAVED, command);

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(run.err()).isEqualTo("error: The SQLite database " + file + " does not exist (nor does its folder). "
                + "Check the path in the URL, or run 'huddle-migrate up' to create it with every migration applied."
                + System.lineSeparator());
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void upDryRunCreatesNothingEither() throws Exception {
        Run run = run("jdbc:sqlite:" + temp.resolve("huddle.db"), INTERLEAVED, "up", "--dry-run");

        assertThat(run.code()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void upOnANewPathSaysItCreatesANewDatabase() {
        Path file = temp.resolve("data").resolve("huddle.db");

        Run up = run("jdbc:sqlite:" + file, INTERLEAVED, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).startsWith("Creating a new SQLite database at " + file + "." + System.lineSeparator());
        assertThat(file).isRegularFile();

        Run again = run("jdbc:sqlite:" + file, INTERLEAVED, "up");
        assertThat(again.out()).doesNotContain("Creating");
    }
}
