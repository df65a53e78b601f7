package dev.huddle.migration.cli;

import dev.huddle.migration.failure.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner's command line as the parser reads it, against the runner's real commands and options. */
class ArgumentParserTest {
    private final ArgumentParser parser = new ArgumentParser(HuddleMigrate.RUNNER);

    @Test
    void acceptsTheRunnerOptionsBeforeOrAfterTheCommand() {
        ParsedArguments before = parser.parse("--url", "jdbc:sqlite:a.db", "--transaction-per-migration", "up", "--dry-run");
        ParsedArguments after = parser.parse("up", "--dry-run", "--url", "jdbc:sqlite:a.db", "--transaction-per-migration");

        for (ParsedArguments arguments : List.of(before, after)) {
            assertThat(arguments.command().name()).isEqualTo("up");
            assertThat(arguments.value("--url")).isEqualTo("jdbc:sqlite:a.db");
            assertThat(arguments.flag("--transaction-per-migration")).isTrue();
            assertThat(arguments.flag("--dry-run")).isTrue();
            assertThat(arguments.value("--target")).isNull();
        }
    }

    @Test
    void readsAValueAfterAnEqualsSignLikeOneInTheNextArgument() {
        ParsedArguments arguments = parser.parse("--url=postgresql://u:p=q@h/db", "down", "--to=20250101000000", "--module", "alpha");

        assertThat(arguments.value("--url")).isEqualTo("postgresql://u:p=q@h/db");
        assertThat(arguments.value("--to")).isEqualTo("20250101000000");
        assertThat(arguments.value("--module")).isEqualTo("alpha");
    }

    @Test
    void collectsRepeatableOptionsInOrder() {
        ParsedArguments arguments = parser.parse("--modules", "alpha,beta", "repair", "--accept-checksum", "1",
                "--remove-failed=2", "--accept-checksum=3", "--modules", "gamma");

        assertThat(arguments.values("--modules")).containsExactly("alpha,beta", "gamma");
        assertThat(arguments.values("--accept-checksum")).containsExactly("1", "3");
        assertThat(arguments.values("--remove-failed")).containsExactly("2");
    }

    @Test
    void readsWholeNumbersAndLeavesAbsentOnesNull() {
        ParsedArguments arguments = parser.parse("down", "--steps", "3");

        assertThat(arguments.integer("--steps")).isEqualTo(3);
        assertThat(arguments.integer("--lock-timeout")).isNull();
    }

    @Test
    void refusesAValueThatIsNotAWholeNumber() {
        ParsedArguments arguments = parser.parse("--lock-timeout", "soon", "down", "--steps", "2.5");

        assertThatThrownBy(() -> arguments.integer("--steps")).isInstanceOf(UsageException.class)
                .hasMessage("Option '--steps' needs a whole number, not '2.5'. Run 'huddle-migrate down --help' to see its options.");
        assertThatThrownBy(() -> arguments.integer("--lock-timeout")).hasMessageStartingWith(
                "Option '--lock-timeout' needs a whole number, not 'soon'.");
    }

    @Test
    void givesCreateItsModuleAndEveryDescriptionWord() {
        ParsedArguments arguments = parser.parse("create", "alpha", "add", "--project-dir", "/repo", "whiteboard", "table");

        assertThat(arguments.value("MODULE")).isEqualTo("alpha");
        assertThat(arguments.values("DESCRIPTION")).containsExactly("add", "whiteboard", "table");
        assertThat(arguments.value("--project-dir")).isEqualTo("/repo");
    }

    @Test
    void takesWordsThatLookLikeOptionsAfterADoubleDash() {
        ParsedArguments arguments = parser.parse("create", "alpha", "--", "--drop", "the", "-x", "column");

        assertThat(arguments.values("DESCRIPTION")).containsExactly("--drop", "the", "-x", "column");
    }

    @Test
    void sealsEveryModuleWhenNoneIsNamed() {
        assertThat(parser.parse("seal").values("MODULE")).isEmpty();
        assertThat(parser.parse("seal", "alpha", "beta").values("MODULE")).containsExactly("alpha", "beta");
    }

    @Test
    void refusesMissingParametersNamingEach() {
        assertThatThrownBy(() -> parser.parse("create")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Missing MODULE and DESCRIPTION for create.");
        assertThatThrownBy(() -> parser.parse("create", "alpha")).hasMessage(
                "Missing DESCRIPTION for create. Run 'huddle-migrate create --help' to see its options.");
    }

    @Test
    void refusesAParameterACommandDoesNotTake() {
        assertThatThrownBy(() -> parser.parse("up", "20250101000000")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Unexpected argument '20250101000000' for up.");
    }

    @Test
    void refusesAnUnknownOptionNamingTheCommandAndWhereToReadItsOptions() {
        assertThatThrownBy(() -> parser.parse("up", "--foo")).isInstanceOf(UsageException.class)
                .hasMessage("Unknown option '--foo' for up. Run 'huddle-migrate up --help' to see its options.");
        assertThatThrownBy(() -> parser.parse("--foo=bar", "up"))
                .hasMessage("Unknown option '--foo'. Run 'huddle-migrate --help' to see the commands and options.");
    }

    @Test
    void acceptsACommandsOptionsOnlyAfterItsName() {
        assertThatThrownBy(() -> parser.parse("--dry-run", "up")).hasMessageStartingWith("Unknown option '--dry-run'.");
        assertThatThrownBy(() -> parser.parse("status", "--dry-run")).hasMessageStartingWith("Unknown option '--dry-run' for status.");
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> parser.parse("up", "--target")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Option '--target' needs a value (VERSION).");
        assertThatThrownBy(() -> parser.parse("down", "--to", "--all"))
                .hasMessageStartingWith("Option '--to' needs a value (VERSION).");
        assertThatThrownBy(() -> parser.parse("--url", "status"))
                .hasMessageStartingWith("Missing command");
    }

    @Test
    void refusesAValueForAFlag() {
        assertThatThrownBy(() -> parser.parse("up", "--dry-run=yes")).hasMessageStartingWith("Option '--dry-run' takes no value.");
    }

    @Test
    void refusesAnOptionGivenTwiceUnlessItRepeats() {
        assertThatThrownBy(() -> parser.parse("--url", "a", "up", "--url", "b"))
                .hasMessageStartingWith("Option '--url' is given more than once; give it once.");
        assertThatThrownBy(() -> parser.parse("up", "--dry-run", "--dry-run"))
                .hasMessageStartingWith("Option '--dry-run' is given more than once");
    }

    @Test
    void refusesMoreThanOneExtentForDown() {
        assertThatThrownBy(() -> parser.parse("down", "--steps", "1", "--to", "20250101000000", "--all"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--steps, --to and --all are mutually exclusive: give only one of --steps, --to or --all. "
                        + "Run 'huddle-migrate down --help' to see its options.");
        assertThat(parser.parse("down", "--all", "--module", "beta").flag("--all")).isTrue();
    }

    @Test
    void refusesAnUnknownOrMissingCommandListingTheCommands() {
        assertThatThrownBy(() -> parser.parse("migrate")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Unknown command 'migrate': choose up, down, redo, status, validate, repair, create, seal");
        assertThatThrownBy(() -> parser.parse("--url", "jdbc:sqlite:a.db"))
                .hasMessageStartingWith("Missing command: choose up, down, redo, status, validate, repair, create, seal");
    }

    @Test
    void asksForHelpOrTheVersionWithoutACommandOrItsParameters() {
        assertThat(parser.parse("--help").command()).isNull();
        assertThat(parser.parse("-V").flag("--version")).isTrue();
        ParsedArguments createHelp = parser.parse("create", "-h");
        assertThat(createHelp.command().name()).isEqualTo("create");
        assertThat(createHelp.flag("--help")).isTrue();
    }
}
