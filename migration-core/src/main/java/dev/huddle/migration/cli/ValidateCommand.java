package dev.huddle.migration.cli;

import dev.huddle.migration.status.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Check the scripts and compare them with the database's history; exit 0 only if clean.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Override
    public Integer call() {
        ValidationReport report = parent.options.migrator().validate();
        if (!report.isClean()) {
            var err = parent.err();
            List<String> problems = report.blockingUp();
            err.println("Validation failed, " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(problem -> err.println("  - " + problem));
            return ExitCodes.VALIDATION_REFUSED;
        }
        report.notes().forEach(note -> parent.out().println("note: " + note));
        parent.out().println("Valid: scripts and history agree" + (report.pending() == 0 ? "." : "; " + report.pending() + " pending."));
        return ExitCodes.OK;
    }
}
