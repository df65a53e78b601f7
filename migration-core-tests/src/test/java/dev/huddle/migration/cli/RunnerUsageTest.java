package dev.huddle.migration.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** What the runner prints for --help, --version and a command line it cannot use; none of it needs a database. */
class RunnerUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void printsTheVersion(String option) {
        Run run = run(Map.of(), option);

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("huddle-migrate 0.1.0" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpListsTheOptionsCommandsAndExitCodes(String option) {
        Run run = run(Map.of(), option);

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: huddle-migrate [OPTIONS] COMMAND")
                .contains("Apply and inspect Huddle's per-module database migrations.")
                .containsSubsequence("--url=URL", "--modules-dir=DIR", "--modules=NAME[,NAME...]", "--lock-timeout=DURATION",
                        "(default: 60 s)", "--transaction-per-migration", "-h, --help", "-V, --version")
                .containsSubsequence("up ", "down ", "redo ", "status ", "validate ", "repair ", "create ", "seal ")
                .containsSubsequence("Exit codes:", "0   success", "1   a migration failed (rolled back)", "2   usage error",
                        "3   validation refused", "4   cannot connect", "5   internal error");
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
    }

    @Test
    void commandHelpShowsItsSynopsisAndOptionsAsWellAsTheRunners() {
        Run down = run(Map.of(), "down", "--help");
        Run create = run(Map.of(), "--url", "jdbc:sqlite:a.db", "create", "--help");

        assertThat(down.code()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).startsWith("Usage: huddle-migrate [OPTIONS] down [--steps=N | --to=VERSION | --all]")
                .contains("Roll back applied migrations, newest first (the last one by default).")
                .contains("--module=NAME", "Roll back only this module's migrations.", "--url=URL")
                .doesNotContain("Exit codes:");
        assertThat(create.code()).isEqualTo(ExitCodes.OK);
        assertThat(create.out()).startsWith("Usage: huddle-migrate [OPTIONS] create MODULE DESCRIPTION...")
                .contains("The module that owns the change.", "--project-dir=DIR");
    }

    @Test
    void aUsageErrorExitsTwoWithOneLineThatNamesTheFix() {
        Run run = run(Map.of(), "up", "--foo");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: Unknown option '--foo' for up. Run 'huddle-migrate up --help' to see its options."
                + System.lineSeparator());
    }

    @Test
    void aBadNumberIsAUsageErrorBeforeAnythingRuns() {
        Run steps = run(Map.of(), "down", "--steps", "two");
        Run lockTimeout = run(Map.of(), "--lock-timeout", "soon", "status");

        assertThat(steps.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(steps.err()).startsWith("error: Option '--steps' needs a whole number, not 'two'.");
        assertThat(lockTimeout.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(lockTimeout.err()).startsWith("error: --lock-timeout 'soon' is not a duration.");
    }

    @Test
    void aValueTheCommandRefusesIsAUsageErrorToo() {
        Run run = run(Map.of(), "down", "--steps", "0");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("error: --steps must be 1 or more, not 0." + System.lineSeparator());
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run(Map.of());

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: Missing command: choose up, down, redo, status, validate, repair, create, seal");
    }

    @Test
    void conflictingExtentsForDownAreAUsageError() {
        Run run = run(Map.of(), "down", "--to", "20250101000000", "--all");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("mutually exclusive");
    }
}
