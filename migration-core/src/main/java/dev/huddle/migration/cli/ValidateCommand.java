package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.SourceTree;
import dev.huddle.migration.integrity.IntegrityCheck;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.integrity.MigrationOrderCheck;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.squash.SquashedBaseline;
import dev.huddle.migration.status.ValidationReport;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class ValidateCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("validate", "Check the scripts (planning rules, lint of both dialects, "
            + "the order file (" + MigrationOrderCheck.FILE + " in --project-dir or the repository root; none found: skipped), "
            + "seals) and compare them with the database's history; exit 0 only if clean.", List.of(
            Option.flag("--drift", "Also compare the database's schema with the one the migrations build (as the drift command).")));

    private final boolean drift;

    ValidateCommand(ParsedArguments arguments) {
        drift = arguments.flag("--drift");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrator migrator = options.migrator();
        ValidationReport report = migrator.validate();
        List<LintFinding> lint = migrator.lint();
        List<String> problems = new ArrayList<>(report.blockingUp());
        lint.forEach(finding -> problems.add(finding.toString()));
        out.println("Scripts: " + options.scripts().describe());
        report.notes().forEach(note -> out.println("note: " + note));
        Migrations migrations = options.migrations();
        for (Dialect dialect : Dialect.values()) {
            MigrationPlan plan = migrations.plan(dialect);
            SquashedBaseline.all(migrations.modules(), dialect).forEach(baseline -> baseline.staleness(plan).ifPresent(note -> out.println("note: " + note)));
        }
        // Only a manifest on disk can hold a seal that has not shipped; one packed in a jar has shipped whole.
        List<String> inSources = options.scripts().sourceTree().map(SourceTree::modules).orElse(List.of());
        migrations.modules().stream().filter(module -> module.directory().isPresent() || inSources.contains(module.name()))
                .forEach(module -> problems.addAll(IntegrityCheck.of(module).resealNeeded()));
        DatabaseTarget target = options.target();
        if (GlobalOptions.createsNewDatabase(target)) {
            out.println("note: the SQLite database " + target.sqliteFile() + " does not exist yet: the scripts were checked "
                    + "against an empty history; up creates it.");
        }
        Optional<Path> orderFile = orderFile(options);
        if (orderFile.isPresent()) {
            problems.addAll(MigrationOrderCheck.check(orderFile.get(), migrations.modules(), migrations::plan));
        } else {
            out.println("note: no " + MigrationOrderCheck.FILE + " found" + options.scripts().projectDir().map(dir -> " in " + dir)
                    .orElse(" at this folder's repository root") + ": the order check was skipped.");
        }
        if (drift) {
            DriftCommand.check(options).differences().forEach(difference -> problems.add("drift in " + difference.module() + ": " + difference));
        }
        if (!problems.isEmpty()) {
            err.println("Validation failed, " + problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(problem -> err.println("  - " + problem));
            return ExitCodes.VALIDATION_REFUSED;
        }
        out.println("Valid: scripts and history agree" + (report.pending() == 0 ? "." : "; " + report.pending() + " pending."));
        return ExitCodes.OK;
    }

    /** The order file of {@code --project-dir} or the source checkout, else of the repository the current folder is in. */
    private static Optional<Path> orderFile(GlobalOptions options) {
        return options.scripts().projectDir().or(() -> repositoryRoot(Path.of("").toAbsolutePath()))
                .map(dir -> dir.resolve(MigrationOrderCheck.FILE)).filter(Files::isRegularFile);
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
