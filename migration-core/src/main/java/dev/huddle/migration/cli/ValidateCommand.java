package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.integrity.MigrationOrderCheck;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.status.ValidationReport;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class ValidateCommand implements RunnerCommand {
    static final Option PROJECT_DIR = Option.value("--project-dir", "DIR", "The repository root holding "
            + MigrationOrderCheck.FILE + " (default: the current folder's repository root; none found: the order check is skipped).");

    static final CommandSpec SPEC = new CommandSpec("validate", "Check the scripts (planning rules, lint of both dialects, "
            + "the order file) and compare them with the database's history; exit 0 only if clean.", List.of(PROJECT_DIR));

    private final String projectDir;

    ValidateCommand(ParsedArguments arguments) {
        projectDir = arguments.value(PROJECT_DIR.name());
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migrator();
        ValidationReport report = migrator.validate();
        List<LintFinding> lint = migrator.lint();
        List<String> problems = new ArrayList<>(report.blockingUp());
        lint.forEach(finding -> problems.add(finding.toString()));
        report.notes().forEach(note -> out.println("note: " + note));
        DatabaseTarget target = options.target();
        if (GlobalOptions.createsNewDatabase(target)) {
            out.println("note: the SQLite database " + target.sqliteFile() + " does not exist yet: the scripts were checked "
                    + "against an empty history; up creates it.");
        }
        Optional<Path> orderFile = orderFile();
        if (orderFile.isPresent()) {
            Migrations migrations = options.migrations();
            problems.addAll(MigrationOrderCheck.check(orderFile.get(), migrations.modules(), migrations::plan));
        } else {
            out.println("note: no " + MigrationOrderCheck.FILE + " found" + (projectDir == null ? " at this folder's repository root"
                    : " in " + projectDir) + ": the order check was skipped.");
        }
        if (!problems.isEmpty()) {
            err.println("Validation failed, " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(problem -> err.println("  - " + problem));
            return ExitCodes.VALIDATION_REFUSED;
        }
        out.println("Valid: scripts and history agree" + (report.pending() == 0 ? "." : "; " + report.pending() + " pending."));
        return ExitCodes.OK;
    }

    /** The order file of {@code --project-dir}, or of the repository the current folder is in. */
    private Optional<Path> orderFile() {
        Optional<Path> root = projectDir != null ? Optional.of(Path.of(projectDir)) : repositoryRoot(Path.of("").toAbsolutePath());
        return root.map(dir -> dir.resolve(MigrationOrderCheck.FILE)).filter(Files::isRegularFile);
    }

    /** The nearest folder from {@code dir} upwards that holds {@code .git} (a folder, or a file in a worktree). */
    private static Optional<Path> repositoryRoot(Path dir) {
        for (Path folder = dir; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }
}
