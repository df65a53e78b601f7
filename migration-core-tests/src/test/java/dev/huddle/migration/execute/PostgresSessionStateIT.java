package dev.huddle.migration.execute;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one PostgreSQL script sets for its session never reaches the next script or the history: the history table is
 * always named with its schema, and search_path and role are put back after every migration.
 */
class PostgresSessionStateIT {
    @TempDir
    Path modules;

    @ParameterizedTest(name = "transaction per migration: {0}")
    @ValueSource(booleans = {false, true})
    void aScriptThatChangesSearchPathAndRoleLeavesTheNextScriptAndTheHistoryAlone(boolean perMigration) throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String role = "huddle_limited_" + ProcessHandle.current().pid() + (perMigration ? "_a" : "_b");
        write("V20250101000000__reporting_schema.sql", """
                create schema reporting;
                create role %s nologin;
                set search_path = reporting;
                create table daily_totals (day date primary key);
                set role %s;
                """.formatted(role, role));
        write("V20250102000000__items.sql", "create table items (id integer primary key);\n");

        migrations(perMigration).against(DatabaseTargets.fromUrl(database.url())).up();
        migrations(perMigration).against(DatabaseTargets.fromUrl(database.url())).up();

        try (Connection connection = database.connect()) {
            assertThat(tables(connection, "reporting")).containsExactly("daily_totals");
            assertThat(tables(connection, "public")).containsExactlyInAnyOrder("huddle_schema_history", "items");
            assertThat(count(connection, "select count(*) from public.huddle_schema_history")).isEqualTo(2);
            assertThat(count(connection, "select count(*) from public.huddle_schema_history where installed_by = current_user")).isEqualTo(2);
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table reporting.daily_totals; drop schema reporting; drop role " + role);
            }
        }
    }

    @ParameterizedTest(name = "schema {0}")
    @ValueSource(strings = {"huddle_meta", "Odd \"Schema\""})
    void keepsTheHistoryInAConfiguredSchemaCreatedIfMissing(String schema) throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        write("V20250101000000__items.sql", "create table items (id integer primary key);\n");

        migrations(false).withHistorySchema(schema).against(DatabaseTargets.fromUrl(database.url())).up();
        var second = migrations(false).withHistorySchema(schema).against(DatabaseTargets.fromUrl(database.url())).up();

        assertThat(second.applied()).isEmpty();
        try (Connection connection = database.connect()) {
            assertThat(tables(connection, schema)).containsExactly("huddle_schema_history");
            assertThat(tables(connection, "public")).containsExactly("items");
        }
    }

    private Migrations migrations(boolean perMigration) {
        return Scenarios.migrations(modules).withTransactionPerMigration(perMigration);
    }

    private void write(String fileName, String postgresScript) {
        Scenarios.write(Scenarios.script(modules, "reports", Dialect.POSTGRESQL, fileName), postgresScript);
        Scenarios.write(Scenarios.script(modules, "reports", Dialect.SQLITE, fileName), "select 1;\n");
    }

    private static List<String> tables(Connection connection, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.prepareStatement("select tablename from pg_tables where schemaname = ? order by 1")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
