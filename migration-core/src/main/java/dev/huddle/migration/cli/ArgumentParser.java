package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.cli.CommandSpec.Parameter;
import dev.huddle.migration.failure.UsageException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the runner's command line: the runner's own options, before or after the command name; one command; that
 * command's options and parameters. {@code --name=value} and {@code --name value} are the same, and {@code --} ends
 * the options. Anything it cannot place is a {@link UsageException}.
 */
final class ArgumentParser {
    private final CommandSpec runner;

    /** {@code runner} holds the options every command accepts; the command is one of {@link Commands}. */
    ArgumentParser(CommandSpec runner) {
        this.runner = runner;
    }

    ParsedArguments parse(String... args) {
        CommandSpec command = null;
        Map<String, List<String>> values = new HashMap<>();
        List<String> words = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !isOptionLike(arg)) {
                if (command == null) {
                    command = command(arg);
                } else {
                    words.add(arg);
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = optionName(arg);
            Option option = option(name, command);
            if (option == null) {
                throw new UsageException("Unknown option '" + name + "'" + (command == null ? "" : " for " + command.name())
                        + didYouMean(name, command), UsageHelp.whereToRead(command));
            }
            boolean inlineValue = name.length() < arg.length();
            String value = "";
            if (inlineValue && !option.takesValue()) {
                throw new UsageException("Option '" + name + "' takes no value.", UsageHelp.whereToRead(command));
            } else if (inlineValue) {
                value = arg.substring(name.length() + 1);
            } else if (option.takesValue()) {
                // An option name where the value should be means the value was left out.
                if (i + 1 == args.length || option(optionName(args[i + 1]), command) != null) {
                    throw new UsageException("Option '" + name + "' needs a value (" + option.valueLabel() + ").",
                            UsageHelp.whereToRead(command));
                }
                value = args[++i];
            }
            List<String> given = values.get(option.name());
            if (given == null) {
                given = new ArrayList<>();
                values.put(option.name(), given);
            } else if (!option.repeatable()) {
                throw new UsageException("Option '" + option.name() + "' is given more than once; give it once.",
                        UsageHelp.whereToRead(command));
            }
            given.add(value);
        }
        if (values.containsKey("--help") || values.containsKey("--version")) {
            return new ParsedArguments(command, values);
        }
        if (command == null) {
            throw new UsageException("Missing command: choose " + commandNames() + ".", UsageHelp.whereToRead(null));
        }
        assignParameters(command, words, values);
        checkMutuallyExclusive(command, values);
        return new ParsedArguments(command, values);
    }

    private static boolean isOptionLike(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-';
    }

    /** The option's name without any {@code =value}. */
    private static String optionName(String arg) {
        int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
        return equals < 0 ? arg : arg.substring(0, equals);
    }

    /** The runner's options are accepted everywhere, a command's only after its name. */
    private Option option(String name, CommandSpec command) {
        Option option = runner.option(name);
        return option != null || command == null ? option : command.option(name);
    }

    /** ": did you mean '--steps'?" when an option is near, else ".": what ends the sentence naming the unknown option. */
    private String didYouMean(String name, CommandSpec command) {
        List<String> names = new ArrayList<>();
        for (CommandSpec spec : command == null ? List.of(runner) : List.of(runner, command)) {
            for (Option option : spec.options()) {
                names.add(option.name());
            }
        }
        String nearest = NearestName.of(name, names);
        return nearest == null ? "." : ": did you mean '" + nearest + "'?";
    }

    /** Only the named command's class is loaded; the list of all names serves the message when there is none. */
    private static CommandSpec command(String name) {
        CommandSpec command = Commands.spec(name);
        if (command != null) {
            return command;
        }
        String nearest = NearestName.of(name, Commands.NAMES);
        throw new UsageException("Unknown command '" + name + "'" + (nearest == null ? "" : ": did you mean '" + nearest + "'?")
                + (nearest == null ? ": choose " : " Choose ") + commandNames() + ".", UsageHelp.whereToRead(null));
    }

    private static String commandNames() {
        return joined(Commands.NAMES, " or ");
    }

    /** "a", "a and b", "a, b and c". */
    private static String joined(List<String> items, String beforeLast) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "" : i == items.size() - 1 ? beforeLast : ", ").append(items.get(i));
        }
        return text.toString();
    }

    private static void assignParameters(CommandSpec command, List<String> words, Map<String, List<String>> values) {
        int next = 0;
        List<String> missing = new ArrayList<>();
        for (Parameter parameter : command.parameters()) {
            int end = parameter.repeatable() ? words.size() : Math.min(next + 1, words.size());
            if (end == next && parameter.required()) {
                missing.add(parameter.label());
            } else if (end > next) {
                values.put(parameter.label(), new ArrayList<>(words.subList(next, end)));
            }
            next = end;
        }
        if (!missing.isEmpty()) {
            throw new UsageException("Missing " + joined(missing, " and ") + " for " + command.name() + ".",
                    UsageHelp.whereToRead(command));
        }
        if (next < words.size()) {
            throw new UsageException("Unexpected argument '" + words.get(next) + "' for " + command.name() + ".",
                    UsageHelp.whereToRead(command));
        }
    }

    private static void checkMutuallyExclusive(CommandSpec command, Map<String, List<String>> values) {
        List<String> given = new ArrayList<>();
        for (String name : command.mutuallyExclusive()) {
            if (values.containsKey(name)) {
                given.add(name);
            }
        }
        if (given.size() > 1) {
            throw new UsageException(joined(given, " and ") + " are mutually exclusive: give only one of "
                    + joined(command.mutuallyExclusive(), " or ") + ".", UsageHelp.whereToRead(command));
        }
    }
}
