package dev.huddle.migration.cli;

import dev.huddle.migration.Migrator;
import dev.huddle.migration.adopt.AdoptionResult;
import dev.huddle.migration.adopt.ForeignHistory;
import dev.huddle.migration.adopt.ImportMapping;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.UsageException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

final class ImportCommand implements RunnerCommand {
    private static final String SCHEMA = "schema";

    static final CommandSpec SPEC = new CommandSpec("import", "Take over a database another tool migrated: read its history "
            + "(pgmigrations, sequelize, flyway), map each name to Huddle versions through --mapping, and record those as adopted "
            + "after checking their tables and columns; with --from schema, adopt by the schema alone.",
            List.of(Option.value("--from", "TOOL", "pgmigrations (node-pg-migrate), sequelize (SequelizeMeta), flyway "
                            + "(flyway_schema_history), or schema for a database with no history (required)."),
                    Option.value("--mapping", "FILE", "Lines '<old name> = <version>[, <version>...]' or '<old name> = none' "
                            + "(required unless --from schema)."),
                    Option.flag("--dry-run", "Check and list what would be adopted; record nothing.")));

    private final String from;
    private final String mapping;
    private final boolean dryRun;

    ImportCommand(ParsedArguments arguments) {
        from = arguments.value("--from");
        mapping = arguments.value("--mapping");
        dryRun = arguments.flag("--dry-run");
        if (from == null || (!from.equals(SCHEMA) && ForeignHistory.of(from) == null)) {
            throw new UsageException("import needs --from pgmigrations, sequelize, flyway or schema" + (from == null ? "." : ", not '" + from + "'."),
                    UsageHelp.whereToRead(SPEC));
        }
        if (mapping == null && !from.equals(SCHEMA)) {
            throw new UsageException("import --from " + from + " needs --mapping FILE: which Huddle versions each old migration stands for.",
                    UsageHelp.whereToRead(SPEC));
        }
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) throws SQLException {
        DatabaseTarget target = options.target();
        Migrator migrator = options.migrator();
        AdoptionResult result;
        if (from.equals(SCHEMA)) {
            result = migrator.adoptBySchema(() -> ScratchDatabase.beside(target), dryRun);
        } else {
            // Read before anything else: a bad mapping file or an unmapped name changes nothing.
            ImportMapping map = ImportMapping.read(Path.of(mapping));
            List<String> names;
            try (Connection connection = target.connect()) {
                names = ForeignHistory.of(from).names(connection, target.dialect());
            }
            Set<String> versions = map.versionsFor(names);
            out.println("read " + names.size() + (names.size() == 1 ? " migration" : " migrations") + " from " + ForeignHistory.of(from).table());
            result = migrator.adopt(versions, () -> ScratchDatabase.beside(target), dryRun);
        }
        BaselineCommand.print(result, out);
        return ExitCodes.OK;
    }
}
