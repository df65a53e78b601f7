package dev.huddle.migration.drift;

import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.schema.SchemaComparison;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a live database with the schema its plan's migrations build. The history table and the declared in-memory
 * tables are never differences. The expected schema is every migration of the plan applied; a database with pending
 * migrations therefore shows their elements as missing.
 */
public final class DriftCheck {
    private DriftCheck() {
    }

    /**
     * @param allModules whether the plan holds every module, so that elements no module owns are extras
     */
    public static DriftReport check(MigrationPlan plan, ExpectedSchema expected, Connection live, String database, boolean allModules) {
        Set<String> ignored = new TreeSet<>(List.of(HistoryTable.NAME));
        plan.inMemoryTables().stream().map(InMemoryTable::table).forEach(ignored::add);
        SchemaModel actual;
        try {
            actual = SchemaReader.of(plan.dialect()).read(live).withoutTables(ignored);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot read the schema of " + database + ": " + e.getMessage() + ".", e);
        }
        return new DriftReport(plan.dialect(), database, plan.modules(), new ArrayList<>(ignored),
                SchemaComparison.compare(expected.model().withoutTables(ignored), actual, expected.owners(), allModules));
    }
}
