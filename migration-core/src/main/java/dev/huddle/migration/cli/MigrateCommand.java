package dev.huddle.migration.cli;

import dev.huddle.migration.connect.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code huddle-migrate}: the manual runner. Exit codes are those of {@link ExitCodes}; errors go to standard error
 * as one message that names the problem and the fix, never with a password in it.
 */
@Command(name = "huddle-migrate", mixinStandardHelpOptions = true, version = "huddle-migrate 0.1.0",
        description = "Apply and inspect Huddle's per-module database migrations.",
        subcommands = {UpCommand.class, DownCommand.class, RedoCommand.class, StatusCommand.class, ValidateCommand.class,
                RepairCommand.class, CreateCommand.class, SealCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a migration failed (rolled back)", "2:usage error",
                "3:validation refused", "4:cannot connect"})
public final class MigrateCommand implements Runnable {
    @Mixin
    GlobalOptions options = new GlobalOptions();

    private CommandLine commandLine;

    /** Runs the runner with these arguments and environment, writing to the given streams; returns the exit code. */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        MigrateCommand command = new MigrateCommand();
        command.options.environment = environment;
        CommandLine commandLine = new CommandLine(command);
        command.commandLine = commandLine;
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            String password = passwordOf(command);
            cmd.getErr().println("error: " + Secrets.maskPassword(error.getMessage(), password));
            return ExitCodes.of(error);
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        // The runner's output is its own; libraries (slf4j-simple in the runner jar) speak only when something is
        // wrong, on standard error. Must precede any logger.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(commandLine, "Missing command: choose up, down, redo, status, validate, repair, create or seal.");
    }

    PrintWriter out() {
        return commandLine.getOut();
    }

    PrintWriter err() {
        return commandLine.getErr();
    }

    private static String passwordOf(MigrateCommand command) {
        try {
            return command.options.target().password();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
