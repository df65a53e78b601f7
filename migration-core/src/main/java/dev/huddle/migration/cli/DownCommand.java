package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "down", description = "Roll back applied migrations, newest first (the last one by default).")
final class DownCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @ArgGroup(exclusive = true)
    private Extent extent = new Extent();

    @Option(names = "--module", paramLabel = "NAME", description = "Roll back only this module's migrations.")
    private String module;

    @Option(names = "--dry-run", description = "Print each down script that would run, with its SQL; change nothing.")
    private boolean dryRun;

    /** How far to go; one of the three, or the last migration. */
    static final class Extent {
        @Option(names = "--steps", paramLabel = "N", description = "Roll back the last N migrations.")
        Integer steps;

        @Option(names = "--to", paramLabel = "VERSION", description = "Roll back everything applied after VERSION.")
        String toVersion;

        @Option(names = "--all", description = "Roll back every applied migration.")
        boolean all;
    }

    @Override
    public Integer call() {
        RollbackRequest request = new RollbackRequest(extent.steps, extent.toVersion, extent.all, module);
        Migrator migrator = parent.options.migrator();
        PrintWriter out = parent.out();
        if (dryRun) {
            RollbackPlan plan = migrator.planDown(request);
            plan.steps().forEach(step -> DryRun.printDown(out, step));
            DryRun.printFooter(out, plan.steps().size());
            return ExitCodes.OK;
        }
        List<AppliedStep> reverted = migrator.down(request);
        printReverted(out, reverted);
        out.println(reverted.isEmpty() ? "Nothing to roll back." : "Rolled back " + UpCommand.count(reverted.size()) + ".");
        return ExitCodes.OK;
    }

    static void printReverted(PrintWriter out, List<AppliedStep> steps) {
        for (AppliedStep step : steps) {
            out.printf("reverted %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
    }
}
