package dev.huddle.migration;

import dev.huddle.testsupport.SchemaInspector;
import dev.huddle.testsupport.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a test database directly, with plain SQL, so tests check the engine against what is really stored. */
public final class HistoryRows {
    private HistoryRows() {
    }

    /** The {@code script} column of every versioned history row, in installed order; empty without a history. */
    public static List<String> scripts(TestDatabase database) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Connection connection = database.connect()) {
            if (!new SchemaInspector(connection).tables().contains("huddle_schema_history")) {
                return scripts;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select script, success from huddle_schema_history where version is not null order by installed_rank")) {
                while (rows.next()) {
                    scripts.add(rows.getString(1) + (rows.getBoolean(2) ? "" : " (failed)"));
                }
            }
        }
        return scripts;
    }

    public static Set<String> tables(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector(connection).tables();
        }
    }

    public static Set<String> columns(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect()) {
            return new SchemaInspector(connection).columns(table);
        }
    }
}
