package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.plan.ResolvedScript;

import java.io.PrintWriter;
import java.util.List;

final class UpCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("up", "Apply pending migrations in plan order.", List.of(
            Option.value("--target", "VERSION", "Stop after this version."),
            Option.flag("--dry-run", "Print each script that would run, with its SQL; change nothing.")));

    private final String target;
    private final boolean dryRun;

    UpCommand(ParsedArguments arguments) {
        target = arguments.value("--target");
        dryRun = arguments.flag("--dry-run");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migrator();
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

    static void printApplied(PrintWriter out, List<MigrationStep> steps) {
        for (MigrationStep step : steps) {
            out.printf("applied  %-12s %s  %s (%d ms)%n", step.module(), step.version(), step.description(), step.executionTimeMillis());
        }
    }

    static String count(int migrations) {
        return migrations + (migrations == 1 ? " migration" : " migrations");
    }
}
