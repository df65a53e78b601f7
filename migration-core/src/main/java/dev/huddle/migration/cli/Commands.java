package dev.huddle.migration.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The runner's commands, by name. A run loads the class of the one command it runs and no other: each command class
 * declares its {@link CommandSpec} in a static field, and loading all fourteen at every start (with what their
 * initialisers pull in) was a measurable part of a short command such as {@code status}. The full list is built only
 * for the runner's help and for messages that name every command.
 */
final class Commands {
    /** Every command's name, in the order help lists them. */
    static final List<String> NAMES = List.of("up", "down", "redo", "status", "validate", "repair", "create", "seal", "drift",
            "snapshot", "baseline", "import", "seed", "squash");

    private Commands() {
    }

    /** The command named so, or null when there is none. */
    static CommandSpec spec(String name) {
        // A switch rather than a table of suppliers: method references would cost the start a lambda bootstrap.
        return switch (name) {
            case "up" -> UpCommand.SPEC;
            case "down" -> DownCommand.SPEC;
            case "redo" -> RedoCommand.SPEC;
            case "status" -> StatusCommand.SPEC;
            case "validate" -> ValidateCommand.SPEC;
            case "repair" -> RepairCommand.SPEC;
            case "create" -> CreateCommand.SPEC;
            case "seal" -> SealCommand.SPEC;
            case "drift" -> DriftCommand.SPEC;
            case "snapshot" -> SnapshotCommand.SPEC;
            case "baseline" -> BaselineCommand.SPEC;
            case "import" -> ImportCommand.SPEC;
            case "seed" -> SeedCommand.SPEC;
            case "squash" -> SquashCommand.SPEC;
            default -> null;
        };
    }

    /** Every command, in {@link #NAMES} order: for help, never for a run. */
    static List<CommandSpec> all() {
        List<CommandSpec> all = new ArrayList<>(NAMES.size());
        for (String name : NAMES) {
            all.add(spec(name));
        }
        return List.copyOf(all);
    }

    /** The command these arguments name, ready to run. */
    static RunnerCommand create(ParsedArguments arguments) {
        return switch (arguments.command().name()) {
            case "up" -> new UpCommand(arguments);
            case "down" -> new DownCommand(arguments);
            case "redo" -> new RedoCommand(arguments);
            case "status" -> new StatusCommand(arguments);
            case "validate" -> new ValidateCommand(arguments);
            case "repair" -> new RepairCommand(arguments);
            case "create" -> new CreateCommand(arguments);
            case "seal" -> new SealCommand(arguments);
            case "drift" -> new DriftCommand(arguments);
            case "snapshot" -> new SnapshotCommand(arguments);
            case "baseline" -> new BaselineCommand(arguments);
            case "import" -> new ImportCommand(arguments);
            case "seed" -> new SeedCommand(arguments);
            case "squash" -> new SquashCommand(arguments);
            default -> throw new IllegalStateException("No class runs the command " + arguments.command().name());
        };
    }
}
