package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.execute.RepairRequest;
import dev.huddle.migration.status.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "repair", description = "Accept an edited applied script's checksum, or remove a failed migration's row; "
        + "only what you name. Without options, lists what needs repair.")
final class RepairCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Option(names = "--accept-checksum", paramLabel = "VERSION", description = "Record the script's current checksum for this applied migration.")
    private List<String> acceptChecksums = new ArrayList<>();

    @Option(names = "--remove-failed", paramLabel = "VERSION", description = "Remove this failed migration's row, after cleaning up what it left.")
    private List<String> removeFailed = new ArrayList<>();

    @Override
    public Integer call() {
        Migrator migrator = parent.options.migrator();
        RepairRequest request = new RepairRequest(acceptChecksums, removeFailed);
        if (request.isEmpty()) {
            ValidationReport report = migrator.validate();
            if (report.problems().isEmpty()) {
                parent.out().println("Nothing to repair.");
                return ExitCodes.OK;
            }
            parent.err().println("The history needs a decision; repair changes only what you name:");
            report.problems().forEach(problem -> parent.err().println("  - " + problem));
            parent.err().println("Accept an edited script with --accept-checksum VERSION (only if the database really matches it), "
                    + "or remove a failed row with --remove-failed VERSION after cleaning up.");
            return ExitCodes.VALIDATION_REFUSED;
        }
        migrator.repair(request).forEach(done -> parent.out().println("repaired: " + done));
        return ExitCodes.OK;
    }
}
