package dev.huddle.migration.cli;

/**
 * The command line cannot be understood: an unknown command or option, a missing or malformed value. Its message
 * names the problem and where to read the usage. An illegal argument, so the runner exits with {@link ExitCodes#USAGE}.
 */
final class UsageException extends IllegalArgumentException {

    /** {@code command} is the command the problem belongs to, or null for the runner as a whole. */
    UsageException(String problem, CommandSpec command) {
        super(problem + (command == null
                ? " Run 'huddle-migrate --help' to see the commands and options."
                : " Run 'huddle-migrate " + command.name() + " --help' to see its options."));
    }
}
