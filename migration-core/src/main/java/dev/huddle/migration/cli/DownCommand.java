package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.rollback.RollbackPlan;
import dev.huddle.migration.rollback.RollbackRequest;

import java.io.PrintWriter;
import java.util.List;

final class DownCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("down", "Roll back applied migrations, newest first (the last one by default).",
            List.of(Option.value("--steps", "N", "Roll back the last N migrations."),
                    Option.value("--to", "VERSION", "Roll back everything applied after VERSION."),
                    Option.flag("--all", "Roll back every applied migration."),
                    Option.value("--module", "NAME", "Roll back only this module's migrations."),
                    Option.flag("--dry-run", "Print each down script that would run, with its SQL; change nothing.")),
            List.of(),
            // How far to go: one of the three, or the last migration.
            List.of("--steps", "--to", "--all"));

    private final RollbackRequest request;
    private final boolean dryRun;

    DownCommand(ParsedArguments arguments) {
        request = new RollbackRequest(arguments.integer("--steps"), arguments.value("--to"), arguments.flag("--all"),
                arguments.value("--module"));
        dryRun = arguments.flag("--dry-run");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migratorOfExistingDatabase();
        if (dryRun) {
            RollbackPlan plan = migrator.planDown(request);
            plan.steps().forEach(step -> DryRun.printDown(out, step));
            DryRun.printFooter(out, plan.steps().size());
            return ExitCodes.OK;
        }
        JsonLogLines log = options.jsonLog(err);
        List<MigrationStep> reverted = log.loggingFailure("down", () -> migrator.down(request));
        log.reverted(reverted);
        printReverted(out, reverted);
        out.println(reverted.isEmpty() ? "Nothing to roll back." : "Rolled back " + UpCommand.count(reverted.size()) + ".");
        return ExitCodes.OK;
    }

    static void printReverted(PrintWriter out, List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            out.printf("reverted %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
    }
}
