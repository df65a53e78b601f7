package dev.huddle.migration.cli;

import dev.huddle.migration.failure.UsageException;

import java.util.List;
import java.util.Map;

/** The command line as {@link ArgumentParser} understood it: the command, and the values given by option name or parameter label. */
final class ParsedArguments {
    private final CommandSpec command;
    private final Map<String, List<String>> values;

    ParsedArguments(CommandSpec command, Map<String, List<String>> values) {
        this.command = command;
        this.values = values;
    }

    /** The command given, or null when only {@code --help} or {@code --version} was asked for. */
    CommandSpec command() {
        return command;
    }

    boolean flag(String optionName) {
        return values.containsKey(optionName);
    }

    /** The value of an option or parameter given once, or null when it was not given. */
    String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(0);
    }

    /** Every value of a repeatable option or parameter, in the order given. */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** An option's value as a whole number, or null when it was not given. */
    Integer integer(String optionName) {
        String value = value(optionName);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new UsageException("Option '" + optionName + "' needs a whole number, not '" + value + "'.",
                    UsageHelp.whereToRead(command));
        }
    }
}
