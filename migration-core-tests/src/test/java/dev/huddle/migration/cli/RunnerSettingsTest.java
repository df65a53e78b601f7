package dev.huddle.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings the runner refuses before it touches anything, rather than guess: an empty URL, an empty module name, a
 * negative or unreadable duration, a mistyped command. None of it needs a database.
 */
class RunnerSettingsTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"--url=", "--url= "})
    void anEmptyUrlIsAUsageErrorNeverAFallBackToTheEnvironmentOrTheDefaultFile(String emptyUrl) {
        Path elsewhere = temp.resolve("from-environment.db");

        Run status = run(Map.of("DATABASE_URL", "jdbc:sqlite:" + elsewhere), emptyUrl, "status");

        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).startsWith("error: --url is empty (an unset variable?). Give the database URL, or leave --url "
                + "out to use DATABASE_URL, POSTGRES_* or ./data/huddle.db.");
        assertThat(elsewhere).doesNotExist();
    }

    @Test
    void anEmptyUrlGivenAsItsOwnWordIsRefusedToo() {
        Run up = run(Map.of(), "--url", "", "up");

        assertThat(up.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(up.err()).startsWith("error: --url is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,,b", "a,", ",a"})
    void anEmptyModuleNameIsRefused(String modules) {
        Run status = run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("x.db"), "--modules", modules, "status");

        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).startsWith("error: --modules '" + modules + "' holds an empty module name. "
                + "Separate module names with single commas: --modules a,b.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-5s"})
    void aNegativeLockTimeoutIsRefused(String timeout) {
        Run status = run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("x.db"), "--lock-timeout", timeout, "status");

        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).startsWith("error: --lock-timeout '" + timeout + "' is not a duration (a timeout cannot be negative).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5s", "2m", "500ms"})
    void theLockTimeoutIsWrittenAsEveryOtherDuration(String timeout) {
        Run down = run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("x.db"), "--lock-timeout", timeout, "down");

        assertThat(down.err()).as("past the options, to the missing database").contains("does not exist");
        assertThat(down.code()).isEqualTo(ExitCodes.CANNOT_CONNECT);
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        Run typo = run(Map.of(), "stauts");
        Run prefix = run(Map.of(), "valid");
        Run unrelated = run(Map.of(), "frobnicate");

        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).startsWith("error: Unknown command 'stauts': did you mean 'status'? Choose up, down, redo, status, ");
        assertThat(prefix.err()).startsWith("error: Unknown command 'valid': did you mean 'validate'?");
        assertThat(unrelated.err()).startsWith("error: Unknown command 'frobnicate': choose up, down, redo,")
                .doesNotContain("did you mean");
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
        Run run = run(Map.of(), "down", "--step", "2");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("error: Unknown option '--step' for down: did you mean '--steps'? "
                + "Run 'huddle-migrate down --help' to see its options." + System.lineSeparator());
    }

    @Test
    void nothingIsCreatedByARefusedCommandLine() throws Exception {
        run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("sub/x.db"), "--lock-timeout", "-1", "up");

        try (var left = Files.list(temp)) {
            assertThat(left).isEmpty();
        }
    }
}
