package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.plan.ResolvedScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "up", description = "Apply pending migrations in plan order.")
final class UpCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Option(names = "--target", paramLabel = "VERSION", description = "Stop after this version.")
    private String target;

    @Option(names = "--dry-run", description = "Print each script that would run, with its SQL; change nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        Migrator migrator = parent.options.migrator();
        PrintWriter out = parent.out();
        if (dryRun) {
            List<ResolvedScript> pending = migrator.pending(target);
            pending.forEach(script -> DryRun.printUp(out, script));
            DryRun.printFooter(out, pending.size());
            return ExitCodes.OK;
        }
        UpResult result = migrator.up(target);
        printApplied(out, result.applied());
        out.println(result.applied().isEmpty()
                ? "Nothing to apply: the database is up to date."
                : "Applied " + count(result.applied().size()) + ".");
        return ExitCodes.OK;
    }

    static void printApplied(PrintWriter out, List<AppliedStep> steps) {
        for (AppliedStep step : steps) {
            out.printf("applied  %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
    }

    static String count(int migrations) {
        return migrations + (migrations == 1 ? " migration" : " migrations");
    }
}
