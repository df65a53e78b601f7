package dev.huddle.migration.cli;

import java.io.PrintWriter;

/** One of the runner's commands, built from its parsed arguments; each also declares a {@link CommandSpec} named {@code SPEC}. */
interface RunnerCommand {

    /** Does the work and returns the exit code; what it throws is reported by the runner. */
    int call(GlobalOptions options, PrintWriter out, PrintWriter err) throws Exception;
}
