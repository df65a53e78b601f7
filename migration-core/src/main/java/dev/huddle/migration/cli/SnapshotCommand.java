package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.SchemaSnapshot;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.plan.MigrationPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class SnapshotCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("snapshot", "Write each module's schema snapshot (snapshot/<dialect>.txt "
            + "beside its integrity manifest) from its migrations: SQLite in memory, PostgreSQL on a scratch database beside --url.",
            List.of(Option.flag("--check", "Write nothing; exit 3 if a snapshot is missing or stale.")));

    private final boolean check;

    SnapshotCommand(ParsedArguments arguments) {
        check = arguments.flag("--check");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        Migrations migrations = options.migrations();
        DatabaseTarget target = options.target();
        ModuleSources sources = new ModuleSources(options.scripts().projectDir().orElse(Path.of("")));
        List<String> stale = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            if (dialect == Dialect.POSTGRESQL && target.dialect() != Dialect.POSTGRESQL) {
                out.println("note: PostgreSQL snapshots were not written: they need a server. Give --url postgresql://USER@HOST/DB "
                        + "(a scratch database is created there and dropped).");
                continue;
            }
            MigrationPlan plan = migrations.plan(dialect);
            ExpectedSchema expected;
            try (ScratchDatabase scratch = dialect == Dialect.SQLITE ? ScratchDatabase.inMemorySqlite() : ScratchDatabase.beside(target)) {
                expected = ExpectedSchemaBuilder.build(plan, scratch.session());
            }
            for (ModuleDescriptor module : migrations.modules()) {
                if (plan.includesModule(module.name())) {
                    Path file = SchemaSnapshot.file(sources, module, dialect);
                    String text = SchemaSnapshot.render(expected, plan, module.name());
                    if (!text.equals(read(file))) {
                        stale.add(file.toString());
                        if (!check) {
                            write(file, text);
                        }
                    }
                }
            }
        }
        if (check) {
            if (stale.isEmpty()) {
                out.println("Every snapshot matches its module's migrations.");
                return ExitCodes.OK;
            }
            err.println("Stale or missing snapshots (run '" + SchemaSnapshot.COMMAND + "' and commit them):");
            stale.forEach(file -> err.println("  - " + file));
            return ExitCodes.VALIDATION_REFUSED;
        }
        stale.forEach(file -> out.println("wrote " + file));
        out.println(stale.isEmpty() ? "Every snapshot was up to date." : "Wrote " + stale.size() + (stale.size() == 1 ? " snapshot." : " snapshots."));
        return ExitCodes.OK;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read the snapshot " + file + ": " + e.getMessage() + ".", "Check its permissions.", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot write the snapshot " + file + ": " + e.getMessage() + ".",
                    "Check that the module's sources are writable.", e);
        }
    }
}
