package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.status.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Check the scripts (planning rules, PostgreSQL lint) and compare them with the "
        + "database's history; exit 0 only if clean.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand parent;

    @Override
    public Integer call() {
        Migrator migrator = parent.options.migrator();
        ValidationReport report = migrator.validate();
        List<LintFinding> lint = migrator.lint();
        List<String> problems = new ArrayList<>(report.blockingUp());
        lint.forEach(finding -> problems.add(finding.toString()));
        PrintWriter out = parent.out();
        report.notes().forEach(note -> out.println("note: " + note));
        if (!problems.isEmpty()) {
            PrintWriter err = parent.err();
            err.println("Validation failed, " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(problem -> err.println("  - " + problem));
            return ExitCodes.VALIDATION_REFUSED;
        }
        out.println("Valid: scripts and history agree" + (report.pending() == 0 ? "." : "; " + report.pending() + " pending."));
        return ExitCodes.OK;
    }
}
