package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.rollback.RollbackPlan;
import dev.huddle.migration.rollback.RollbackRequest;

import java.io.PrintWriter;
import java.util.List;

final class RedoCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("redo", "Roll back the last applied migration and apply it again.",
            List.of(Option.flag("--dry-run", "Print the down and up scripts that would run; change nothing.")));

    private final boolean dryRun;

    RedoCommand(ParsedArguments arguments) {
        dryRun = arguments.flag("--dry-run");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migratorOfExistingDatabase();
        if (dryRun) {
            RollbackPlan plan = migrator.planDown(RollbackRequest.last());
            plan.steps().forEach(step -> DryRun.printDown(out, step));
            plan.steps().forEach(step -> DryRun.printUp(out, step.migration()));
            DryRun.printFooter(out, plan.steps().size() * 2);
            return ExitCodes.OK;
        }
        JsonLogLines log = options.jsonLog(err);
        RedoResult result = log.loggingFailure("redo", migrator::redo);
        log.reverted(result.reverted());
        log.applied(result.reapplied().applied());
        DownCommand.printReverted(out, result.reverted());
        UpCommand.printApplied(out, result.reapplied().applied());
        out.println(result.reverted().isEmpty() ? "Nothing to redo: no migration is applied." : "Redone.");
        return ExitCodes.OK;
    }
}
