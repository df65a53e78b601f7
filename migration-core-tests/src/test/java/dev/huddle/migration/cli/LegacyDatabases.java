package dev.huddle.migration.cli;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Databases another tool (or a person) built, for the tests of drift, baseline and import. */
final class LegacyDatabases {
    private LegacyDatabases() {
    }

    /** A database the modules' migrations up to {@code version} built, whose Huddle history is gone. */
    static TestDatabase schemaWithoutHistory(Engine engine, String modulesDir, String version) throws SQLException {
        TestDatabase database = TestDatabases.fresh(engine);
        Run up = run(database, modulesDir, "up", "--target", version);
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        execute(database, "drop table huddle_schema_history");
        return database;
    }

    /** Runs each statement by hand, outside Huddle. */
    static void execute(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** {@code version type} of every Huddle history row in installed order; empty when there is no history table. */
    static List<String> huddleRows(TestDatabase database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select version, type from huddle_schema_history order by installed_rank")) {
                while (result.next()) {
                    rows.add(result.getString(1) + " " + result.getString(2));
                }
            } catch (SQLException e) {
                if (!String.valueOf(e.getMessage()).contains("huddle_schema_history")) {
                    throw e;
                }
            }
        }
        return rows;
    }
}
