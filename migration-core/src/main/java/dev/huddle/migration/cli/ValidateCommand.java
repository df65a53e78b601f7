package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.status.ValidationReport;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

final class ValidateCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("validate", "Check the scripts (planning rules, PostgreSQL lint) and "
            + "compare them with the database's history; exit 0 only if clean.", List.of());

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migrator();
        ValidationReport report = migrator.validate();
        List<LintFinding> lint = migrator.lint();
        List<String> problems = new ArrayList<>(report.blockingUp());
        lint.forEach(finding -> problems.add(finding.toString()));
        report.notes().forEach(note -> out.println("note: " + note));
        if (!problems.isEmpty()) {
            err.println("Validation failed, " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(problem -> err.println("  - " + problem));
            return ExitCodes.VALIDATION_REFUSED;
        }
        out.println("Valid: scripts and history agree" + (report.pending() == 0 ? "." : "; " + report.pending() + " pending."));
        return ExitCodes.OK;
    }
}
