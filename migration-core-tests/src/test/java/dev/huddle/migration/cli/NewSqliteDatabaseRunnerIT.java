package dev.huddle.migration.cli;

import dev.huddle.migration.Interleaved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only {@code up} creates a SQLite database, and it says so. The commands that read report that the file does not exist
 * and answer from an empty history; those that undo refuse. None creates the file or its folder.
 */
class NewSqliteDatabaseRunnerIT {
    private static final String INTERLEAVED = Interleaved.path().toString();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"down", "redo", "repair"})
    void aCommandThatUndoesOrRepairsReportsTheMissingDatabaseAndCreatesNothing(String command) throws Exception {
        Path file = temp.resolve("new-folder").resolve("huddle.db");

        Run run = run("jdbc:sqlite:" + file, INTERLEAVED, command);

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(run.err()).isEqualTo("error: The SQLite database " + file + " does not exist (nor does its folder). "
                + "Check the path in the URL, or run 'huddle-migrate up' to create it with every migration applied."
                + System.lineSeparator());
        assertNothingCreated();
    }

    @Test
    void statusSaysTheDatabaseDoesNotExistListsEverythingPendingAndCreatesNothing() throws Exception {
        Path file = temp.resolve("new-folder").resolve("huddle.db");

        Run status = run("jdbc:sqlite:" + file, INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("pending").contains("The SQLite database " + file + " does not exist yet, so every "
                + "migration is pending; up creates it.");
        assertNothingCreated();
    }

    @Test
    void validateChecksTheScriptsAgainstAnEmptyHistorySaysSoAndCreatesNothing() throws Exception {
        Path file = temp.resolve("huddle.db");

        Run validate = run("jdbc:sqlite:" + file, INTERLEAVED, "validate");

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).contains("note: the SQLite database " + file + " does not exist yet: the scripts were checked "
                + "against an empty history; up creates it.", "Valid: scripts and history agree; 4 pending.");
        assertNothingCreated();
    }

    @Test
    void upDryRunListsEveryScriptAndCreatesNothing() throws Exception {
        Run run = run("jdbc:sqlite:" + temp.resolve("huddle.db"), INTERLEAVED, "up", "--dry-run");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("4 scripts shown, nothing was changed");
        assertNothingCreated();
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

    private void assertNothingCreated() throws Exception {
        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }
}
