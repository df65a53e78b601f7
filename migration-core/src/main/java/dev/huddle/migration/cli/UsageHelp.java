package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.cli.CommandSpec.Parameter;
import dev.huddle.migration.failure.FailureKind;

import java.util.List;

/** Writes the text {@code --help} prints: a synopsis, then each command, option and parameter with its description. */
final class UsageHelp {
    private static final int WIDTH = 80;
    /** Where descriptions start; a longer option name gets a line of its own. */
    private static final int DESCRIPTION_COLUMN = 26;

    private final StringBuilder text = new StringBuilder();

    private UsageHelp() {
    }

    /** The sentence a usage error ends with: where to read the runner's usage, or one command's ({@code command} not null). */
    static String whereToRead(CommandSpec command) {
        return command == null
                ? "Run 'huddle-migrate --help' to see the commands and options."
                : "Run 'huddle-migrate " + command.name() + " --help' to see its options.";
    }

    /** The runner's help: its options, its commands and its exit codes. */
    static String forRunner(CommandSpec runner, List<CommandSpec> commands) {
        UsageHelp help = new UsageHelp();
        help.wrapped("Usage: " + runner.name() + " [OPTIONS] COMMAND [COMMAND OPTIONS]", 7);
        help.wrapped(runner.description(), 0);
        help.line("");
        help.line("Options, before or after the command:");
        help.options(runner);
        help.line("");
        help.line("Commands (see '" + runner.name() + " COMMAND --help'):");
        for (CommandSpec command : commands) {
            help.row("  " + command.name(), command.description(), 12);
        }
        help.line("");
        help.line("Exit codes:");
        help.line("  " + ExitCodes.OK + "   success");
        for (FailureKind kind : FailureKind.values()) {
            help.line("  " + kind.exitCode() + "   " + kind.summary());
        }
        help.line("  " + ExitCodes.INTERNAL_ERROR + "   internal error (a bug in Huddle: please report it)");
        return help.text.toString();
    }

    /** One command's help: its synopsis, parameters and options, then the runner's options it also accepts. */
    static String forCommand(CommandSpec command, CommandSpec runner) {
        UsageHelp help = new UsageHelp();
        String prefix = "Usage: " + runner.name() + " [OPTIONS] " + command.name();
        help.wrapped(prefix + synopsis(command), prefix.length() + 1);
        help.wrapped(command.description(), 0);
        if (!command.parameters().isEmpty() || !command.options().isEmpty()) {
            help.line("");
        }
        for (Parameter parameter : command.parameters()) {
            help.row("      " + parameter.label() + (parameter.repeatable() ? "..." : ""), parameter.description(), DESCRIPTION_COLUMN);
        }
        help.options(command);
        help.line("");
        help.line("Options of every command, before or after its name:");
        help.options(runner);
        return help.text.toString();
    }

    /** " [--steps=N | --to=VERSION | --all] [--module=NAME] [--dry-run]", or " MODULE DESCRIPTION...". */
    private static String synopsis(CommandSpec command) {
        StringBuilder synopsis = new StringBuilder();
        List<String> exclusive = command.mutuallyExclusive();
        for (Option option : command.options()) {
            int inGroup = exclusive.indexOf(option.name());
            if (inGroup > 0) {
                continue;
            }
            if (inGroup == 0) {
                synopsis.append(" [");
                for (int i = 0; i < exclusive.size(); i++) {
                    synopsis.append(i == 0 ? "" : " | ").append(usage(command.option(exclusive.get(i))));
                }
                synopsis.append(']');
            } else {
                synopsis.append(" [").append(usage(option)).append(']').append(option.repeatable() ? "..." : "");
            }
        }
        for (Parameter parameter : command.parameters()) {
            String label = parameter.label() + (parameter.repeatable() ? "..." : "");
            synopsis.append(' ').append(parameter.required() ? label : "[" + label + "]");
        }
        return synopsis.toString();
    }

    /** "--url=URL" or "--dry-run". */
    private static String usage(Option option) {
        return option.takesValue() ? option.name() + "=" + option.valueLabel() : option.name();
    }

    private void options(CommandSpec command) {
        for (Option option : command.options()) {
            String names = option.shortName() == null ? "      " : "  " + option.shortName() + ", ";
            row(names + usage(option), option.description(), DESCRIPTION_COLUMN);
        }
    }

    /** The name, then its description from {@code column} on, wrapped; on the next line if the name reaches that far. */
    private void row(String name, String description, int column) {
        if (name.length() + 2 > column) {
            line(name);
            name = "";
        }
        wrapped(name + " ".repeat(column - name.length()) + description, column);
    }

    /** The text in lines of at most {@link #WIDTH} characters, broken at spaces, each after the first indented. */
    private void wrapped(String text, int indent) {
        String rest = text;
        while (rest.length() > WIDTH) {
            int limit = rest.lastIndexOf(' ', WIDTH);
            if (limit <= indent) {
                break;
            }
            line(rest.substring(0, limit));
            rest = " ".repeat(indent) + rest.substring(limit + 1);
        }
        line(rest);
    }

    private void line(String line) {
        text.append(line).append(System.lineSeparator());
    }
}
