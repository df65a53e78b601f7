package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.adopt.AdoptionResult;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

final class BaselineCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("baseline", "Record the migrations up to VERSION as adopted (applied, never run) "
            + "on a database that already has their schema; refuses, naming them, if tables or columns they create are missing.",
            List.of(Option.value("--to", "VERSION", "The last migration to adopt (required)."),
                    Option.value("--module", "NAME", "Adopt only this module's migrations."),
                    Option.flag("--dry-run", "Check and list what would be adopted; record nothing.")));

    private final String version;
    private final String module;
    private final boolean dryRun;

    BaselineCommand(ParsedArguments arguments) {
        version = arguments.value("--to");
        module = arguments.value("--module");
        dryRun = arguments.flag("--dry-run");
        if (version == null) {
            throw new UsageException("baseline needs --to VERSION: the last migration the database already has.",
                    UsageHelp.whereToRead(SPEC));
        }
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) {
        DatabaseTarget target = options.target();
        Migrator migrator = options.migrator();
        MigrationPlan plan = migrator.plan();
        if (plan.find(version).isEmpty()) {
            throw new UnknownVersionException("--to", version, "migration of the selected modules");
        }
        if (module != null && !plan.includesModule(module)) {
            throw new UnknownModuleException(List.of(module), plan.modules());
        }
        List<String> versions = new ArrayList<>();
        for (ResolvedScript script : plan.migrations()) {
            if (module == null || script.module().equals(module)) {
                versions.add(script.version());
            }
            if (script.version().equals(version)) {
                break;
            }
        }
        print(migrator.adopt(versions, () -> ScratchDatabase.beside(target), dryRun), out);
        return ExitCodes.OK;
    }

    /** What was adopted or would be, what was already recorded, and the differences that did not stop it. */
    static void print(AdoptionResult result, PrintWriter out) {
        String verb = result.dryRun() ? "would adopt " : "adopted ";
        result.adopted().forEach(script -> out.println(verb + script.module() + " " + script.version() + " " + script.readableDescription()));
        result.alreadyRecorded().forEach(script -> out.println("already recorded " + script.module() + " " + script.version()));
        result.notes().forEach(difference -> out.println("note: " + difference.module() + ": " + difference));
        int count = result.adopted().size();
        String migrations = count + (count == 1 ? " migration" : " migrations");
        out.println(result.dryRun() ? "Dry run: " + migrations + " would be recorded as adopted; nothing was recorded."
                : count == 0 ? "Nothing to adopt." : "Adopted " + migrations + ": recorded as applied, never run; status shows them as adopted.");
        if (!result.notes().isEmpty()) {
            out.println("The notes above differ from what the scripts create without stopping adoption; run drift to see every difference.");
        }
    }
}
