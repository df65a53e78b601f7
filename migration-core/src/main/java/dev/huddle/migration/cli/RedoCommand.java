package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "redo", description = "Roll back the last applied migration and apply it again.")
final class RedoCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Option(names = "--dry-run", description = "Print the down and up scripts that would run; change nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        Migrator migrator = parent.options.migrator();
        PrintWriter out = parent.out();
        if (dryRun) {
            RollbackPlan plan = migrator.planDown(RollbackRequest.last());
            plan.steps().forEach(step -> DryRun.printDown(out, step));
            plan.steps().forEach(step -> DryRun.printUp(out, step.migration()));
            DryRun.printFooter(out, plan.steps().size() * 2);
            return ExitCodes.OK;
        }
        RedoResult result = migrator.redo();
        DownCommand.printReverted(out, result.reverted());
        UpCommand.printApplied(out, result.reapplied().applied());
        out.println(result.reverted().isEmpty() ? "Nothing to redo: no migration is applied." : "Redone.");
        return ExitCodes.OK;
    }
}
