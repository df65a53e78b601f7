package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import dev.huddle.migration.squash.SquashedBaseline;
import dev.huddle.migration.squash.Squasher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code squash --module M --to VERSION}: writes M's squashed baseline for each dialect into the module's sources (or
 * prints it with {@code --dry-run}). Every dialect's baseline is derived and proved before any file is written.
 */
final class SquashCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("squash", "Write one baseline script per dialect that a fresh database runs in place "
            + "of MODULE's migrations up to VERSION (recorded as those migrations); the originals stay for existing databases and rollback.",
            List.of(Option.value("--module", "NAME", "The module to squash (required)."),
                    Option.value("--to", "VERSION", "The module's last migration to squash (required)."),
                    Option.flag("--dry-run", "Print each baseline; write nothing.")));

    private final String module;
    private final String version;
    private final boolean dryRun;

    SquashCommand(ParsedArguments arguments) {
        module = arguments.value("--module");
        version = arguments.value("--to");
        dryRun = arguments.flag("--dry-run");
        if (module == null || version == null) {
            throw new UsageException("squash needs --module NAME and --to VERSION: the module and its last migration to squash.",
                    UsageHelp.whereToRead(SPEC));
        }
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrations migrations = options.migrations();
        ModuleDescriptor descriptor = migrations.modules().stream().filter(each -> each.name().equals(module)).findFirst()
                .orElseThrow(() -> new UnknownModuleException(List.of(module), migrations.modules().stream().map(ModuleDescriptor::name).toList()));
        DatabaseTarget target = options.target();
        MigrationPlanner planner = new MigrationPlanner(migrations.modules());
        List<MigrationPlan> plans = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            plans.add(planner.plan(dialect, List.of()));
        }
        if (plans.stream().noneMatch(plan -> plan.migrations().stream().anyMatch(s -> s.module().equals(module) && s.version().equals(version)))) {
            throw new UnknownVersionException("--to", version, "migration of module " + module);
        }
        // Found before the work: outside a checkout a module packed in a jar has nowhere to write, and that is said first.
        ModuleSources sources = new ModuleSources(options.scripts().projectDir().orElse(Path.of("")));
        if (!dryRun) {
            folder(sources, descriptor, Dialect.SQLITE);
        }
        List<SquashedBaseline> baselines = new ArrayList<>();
        for (MigrationPlan plan : plans) {
            if (plan.dialect() == Dialect.POSTGRESQL && target.dialect() != Dialect.POSTGRESQL) {
                out.println("note: no PostgreSQL baseline was written: it needs a server. Give --url postgresql://USER@HOST/DB "
                        + "(a scratch database is created there and dropped); until then PostgreSQL databases run the originals.");
                continue;
            }
            baselines.add(Squasher.squash(plan, module, version, () -> plan.dialect() == Dialect.SQLITE
                    ? ScratchDatabase.inMemorySqlite() : ScratchDatabase.beside(target)));
        }
        for (SquashedBaseline baseline : baselines) {
            if (dryRun) {
                out.println("-- would write " + baseline.resourcePath());
                out.println(baseline.sql());
            } else {
                Path folder = folder(sources, descriptor, baseline.dialect());
                write(folder, baseline);
                out.println("wrote " + folder.resolve(baseline.fileName()) + ": in place of " + baseline.squashed().size() + " migrations, "
                        + String.join(", ", baseline.squashed().keySet()));
            }
        }
        out.println((dryRun ? "Dry run: nothing was written. " : "")
                + "A database with none of these migrations applies the baseline and records each of them as applied; a database "
                + "that has any of them keeps running the originals, which stay in place for it, for rollback and for validation. "
                + (dryRun ? "" : "Review the baseline, run validate, and commit it."));
        return ExitCodes.OK;
    }

    private static Path folder(ModuleSources sources, ModuleDescriptor module, Dialect dialect) {
        return sources.manifestFile(module).resolveSibling(ModuleDescriptor.SQUASHED).resolve(dialect.folderName());
    }

    /** Writes the baseline and removes an older squash of the module, which the new one replaces. */
    private static void write(Path folder, SquashedBaseline baseline) {
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> older = Files.newDirectoryStream(folder, "B*__squashed_baseline.sql")) {
                for (Path file : older) {
                    Files.delete(file);
                }
            }
            Files.writeString(folder.resolve(baseline.fileName()), baseline.sql(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot write the squashed baseline in " + folder + ": " + e.getMessage() + ".",
                    "Check that the module's sources are writable.", e);
        }
    }
}
