package dev.huddle.migration.drift;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.MigrationExecutor;
import dev.huddle.migration.execute.MigrationProgress;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.migration.session.DatabaseSession;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a plan's migrations to an empty scratch database one at a time and reads the schema after each, so every
 * element is owned by the module whose migration made it. Reading after each migration costs a few catalog queries
 * each; it is what lets drift and snapshots speak per module when modules build on each other's tables.
 */
public final class ExpectedSchemaBuilder {
    private ExpectedSchemaBuilder() {
    }

    /**
     * @param scratch an empty database of the plan's dialect; it ends with every migration applied
     * @throws dev.huddle.migration.failure.MigrationFailedException when a script fails on the empty database
     */
    public static ExpectedSchema build(MigrationPlan plan, DatabaseSession scratch) {
        return build(plan.dialect(), plan.migrations(), scratch);
    }

    /** The schema these migrations build, applied in the order given (a plan's, or a prefix of it). */
    public static ExpectedSchema build(Dialect dialect, List<ResolvedScript> migrations, DatabaseSession scratch) {
        SchemaReader reader = SchemaReader.of(dialect);
        MigrationExecutor executor = new MigrationExecutor(scratch, true, MigrationProgress.SILENT);
        Map<String, String> owners = new HashMap<>();
        Map<String, String> createdBy = new HashMap<>();
        SchemaModel model = read(reader, scratch);
        for (ResolvedScript script : migrations) {
            executor.up(List.of(script));
            model = read(reader, scratch);
            for (String key : model.entries().keySet()) {
                if (createdBy.putIfAbsent(key, script.version()) == null) {
                    owners.put(key, script.module());
                }
            }
        }
        owners.keySet().retainAll(model.entries().keySet());
        createdBy.keySet().retainAll(model.entries().keySet());
        return new ExpectedSchema(model, owners, createdBy);
    }

    private static SchemaModel read(SchemaReader reader, DatabaseSession session) {
        try {
            return reader.read(session.connection()).withoutTables(Set.of(HistoryTable.NAME));
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot read the schema of " + session.description() + ": " + e.getMessage() + ".", e);
        }
    }
}
