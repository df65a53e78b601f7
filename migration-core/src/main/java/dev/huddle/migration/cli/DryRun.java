package dev.huddle.migration.cli;

import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.rollback.RollbackStep;

import java.io.PrintWriter;

/** Prints what a command would run, in order, as SQL a person can read or pipe to a client. */
final class DryRun {
    private DryRun() {
    }

    static void printUp(PrintWriter out, ResolvedScript script) {
        out.printf("-- up   %s %s %s (%s)%n", script.module(), script.version(), script.readableDescription(), script.historyPath());
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
