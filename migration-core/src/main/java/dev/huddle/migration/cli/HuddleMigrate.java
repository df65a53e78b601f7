package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.failure.HuddleFailure;
import dev.huddle.migration.failure.UsageException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code huddle-migrate}: the manual runner. Exit codes are those of {@link ExitCodes}; errors go to standard error
 * as one message that names the problem and the fix, never with a password in it. An error Huddle did not expect
 * is an internal error (exit 5) with a request to report it.
 */
public final class HuddleMigrate {
    static final String VERSION = "huddle-migrate 0.1.0";

    /** The runner itself: the options it takes before or after any command. */
    static final CommandSpec RUNNER = new CommandSpec("huddle-migrate",
            "Apply and inspect Huddle's per-module database migrations.", runnerOptions());

    private HuddleMigrate() {
    }

    /** Runs the runner with these arguments and environment, writing to the given streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        try {
            return execute(args, environment, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    public static void main(String[] args) {
        // The runner's output is its own; libraries (slf4j-simple in the runner jar) speak only when something is
        // wrong, on standard error. Must precede any logger.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // Standard output is flushed when a command has something to show before it ends (up's progress) and at the end,
        // not at every line: status prints a line per migration, and a flush per line was a write per line.
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    private static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        GlobalOptions options = null;
        try {
            ParsedArguments arguments = new ArgumentParser(RUNNER).parse(args);
            if (arguments.flag("--help")) {
                out.print(arguments.command() == null
                        ? UsageHelp.forRunner(RUNNER, Commands.all())
                        : UsageHelp.forCommand(arguments.command(), RUNNER));
                return ExitCodes.OK;
            }
            if (arguments.flag("--version")) {
                out.println(VERSION);
                return ExitCodes.OK;
            }
            if (arguments.value("--tenants") != null) {
                return TenantRunner.run(Path.of(arguments.value("--tenants")), arguments.value("--parallel"), args, arguments.value("--url"),
                        arguments.command().name(), environment, out);
            }
            if (arguments.value("--parallel") != null) {
                throw new UsageException("--parallel applies only with --tenants.", "Add --tenants FILE, or leave --parallel out.");
            }
            options = new GlobalOptions(arguments, environment);
            return Commands.create(arguments).call(options, out, err);
        } catch (Throwable error) {
            // What the command printed comes before its error, as it happened.
            out.flush();
            return report(error, secretsOf(options), err);
        }
    }

    /**
     * Writes one failure to standard error and returns its exit code. A {@link HuddleFailure} is one message that names
     * the problem and the fix. Anything else is a bug in Huddle: its message, a request to report it, and its stack
     * trace, always, since a bug that happened once may not happen again when asked. Secrets are masked in all of it.
     */
    static int report(Throwable error, List<String> secrets, PrintWriter err) {
        int code = ExitCodes.of(error);
        if (error instanceof HuddleFailure) {
            err.println("error: " + Secrets.mask(error.getMessage(), secrets));
            return code;
        }
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        err.println("internal error: " + Secrets.mask(message, secrets));
        err.println("This is a bug in Huddle, not a problem with your scripts or database. Please report it with the "
                + error.getClass().getName() + " and the stack trace below, and what you ran.");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        err.print(Secrets.mask(trace.toString(), secrets));
        return code;
    }

    private static List<Option> runnerOptions() {
        List<Option> options = new ArrayList<>(GlobalOptions.OPTIONS);
        options.add(new Option("--help", "-h", null, false, "Show this help message and exit."));
        options.add(new Option("--version", "-V", null, false, "Print version information and exit."));
        return List.copyOf(options);
    }

    /** The password and secret URL parameters to keep out of messages, if the options name a usable database. */
    private static List<String> secretsOf(GlobalOptions options) {
        if (options == null) {
            return List.of();
        }
        try {
            return options.target().secrets();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
