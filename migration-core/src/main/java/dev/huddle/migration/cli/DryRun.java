package dev.huddle.migration.cli;

import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.rollback.RollbackStep;

import java.io.PrintWriter;

/** Prints what a command would run, in order, as SQL a person can read or pipe to a client. */
final class DryRun {
    private DryRun() {
    }

    /** The script as it would run; a squashed baseline's stand-in says so, since it runs the baseline or nothing. */
    static void printUp(PrintWriter out, ResolvedScript script) {
        out.printf("-- up   %s %s %s (%s)%n", script.module(), script.version(), script.readableDescription(), script.historyPath());
        script.standIn().ifPresent(standIn -> out.println(standIn.runsBaseline() ? "-- runs the " + standIn.describe()
                : "-- applied by the squashed baseline above: nothing of its own runs"));
        out.println(script.sql().strip());
        out.println();
    }

    static void printDown(PrintWriter out, RollbackStep step) {
        out.printf("-- down %s %s %s (%s)%n", step.module(), step.version(), step.description(), step.downScript());
        out.println(step.down().sql().strip());
        out.println();
    }

    static void printFooter(PrintWriter out, int scripts) {
        out.println("-- dry run: " + scripts + (scripts == 1 ? " script" : " scripts") + " shown, nothing was changed.");
    }
}
