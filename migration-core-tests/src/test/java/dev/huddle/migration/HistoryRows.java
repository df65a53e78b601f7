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

    /**
     * Every versioned history row as {@code <installed_rank> <script> <checksum> <success>}, in installed order; equal
     * lists mean an unchanged history. Empty without a history.
     */
    public static List<String> rows(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect()) {
            if (!new SchemaInspector(connection).tables().contains("huddle_schema_history")) {
                return rows;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select installed_rank, script, checksum, success"
                         + " from huddle_schema_history where version is not null order by installed_rank")) {
                while (result.next()) {
                    rows.add(result.getInt(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getBoolean(4));
                }
            }
        }
        return rows;
    }

    /** The {@code installed_rank} of a script's history row; fails when it has none. */
    public static int installedRank(TestDatabase database, String script) throws SQLException {
        return rows(database).stream().filter(row -> row.split(" ")[1].equals(script))
                .mapToInt(row -> Integer.parseInt(row.split(" ")[0]))
                .findFirst().orElseThrow(() -> new AssertionError("No history row for " + script));
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
