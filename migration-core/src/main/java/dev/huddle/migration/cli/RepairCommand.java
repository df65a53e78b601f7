package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.execute.RepairRequest;
import dev.huddle.migration.status.ValidationReport;

import java.io.PrintWriter;
import java.util.List;

final class RepairCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("repair", "Accept an edited applied script's checksum, or remove a "
            + "failed migration's row; only what you name. Without options, lists what needs repair.", List.of(
            Option.repeatable("--accept-checksum", "VERSION", "Record the script's current checksum for this applied migration."),
            Option.repeatable("--remove-failed", "VERSION", "Remove this failed migration's row, after cleaning up what it left.")));

    private final RepairRequest request;

    RepairCommand(ParsedArguments arguments) {
        request = new RepairRequest(arguments.values("--accept-checksum"), arguments.values("--remove-failed"));
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migratorOfExistingDatabase();
        if (request.isEmpty()) {
            ValidationReport report = migrator.validate();
            if (report.problems().isEmpty()) {
                out.println("Nothing to repair.");
                return ExitCodes.OK;
            }
            err.println("The history needs a decision; repair changes only what you name:");
            report.problems().forEach(problem -> err.println("  - " + problem));
            err.println("Accept an edited script with --accept-checksum VERSION (only if the database really matches it), "
                    + "or remove a failed row with --remove-failed VERSION after cleaning up.");
            return ExitCodes.VALIDATION_REFUSED;
        }
        migrator.repair(request).forEach(done -> out.println("repaired: " + done));
        return ExitCodes.OK;
    }
}
