package dev.huddle.migration.cli;

import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.seed.SeedScript;
import dev.huddle.migration.seed.SeedScripts;
import dev.huddle.migration.seed.Seeder;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;

final class SeedCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("seed", "Fill a migrated database with the modules' sample data, "
            + "in one transaction; refuses a database whose seeded tables hold rows.", List.of(
            Option.flag("--force", "Delete the rows of every seeded table first (in the same transaction).")));

    private final boolean force;

    SeedCommand(ParsedArguments arguments) {
        force = arguments.flag("--force");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) throws Exception {
        DatabaseTarget target = options.target();
        List<SeedScript> scripts = SeedScripts.find(options.migrations().modules(), target.dialect());
        if (scripts.isEmpty()) {
            out.println("Nothing to seed: no module ships a seed script for " + target.dialect().folderName() + ".");
            return ExitCodes.OK;
        }
        Seeder.SeedResult result;
        try (Connection connection = target.connect()) {
            result = new Seeder(connection, target.dialect()).seed(scripts, force);
        }
        if (!result.cleared().isEmpty()) {
            out.println("cleared  " + String.join(", ", result.cleared()));
        }
        scripts.forEach(script -> out.println("seeded   " + script.module()));
        result.rows().forEach((table, rows) -> out.printf("  %-20s %d rows%n", table, rows));
        out.println("Seeded " + scripts.size() + (scripts.size() == 1 ? " module." : " modules."));
        return ExitCodes.OK;
    }
}
