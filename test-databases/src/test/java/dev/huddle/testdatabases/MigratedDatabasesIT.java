package dev.huddle.testdatabases;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.SchemaInspector;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test gets from the extension: a new database on every call, migrated with exactly the plan it named. */
class MigratedDatabasesIT {
    @RegisterExtension
    static final MigratedDatabases ORDERS = MigratedDatabases.of(FixtureModules.migrations(), "orders");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void handsOutANewDatabaseOnEveryCall(Engine engine) throws SQLException {
        TestDatabase first = ORDERS.fresh(engine);
        TestDatabase second = ORDERS.fresh(engine);

        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into catalog_items (id, name) values (1, 'chair')");
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "select count(*) from catalog_items")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesTheNamedModulesWithTheModulesTheyDependOnAndNoOthers(Engine engine) throws SQLException {
        TestDatabase database = ORDERS.fresh(engine);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(new SchemaInspector(connection).tables())
                    .containsExactlyInAnyOrder("catalog_items", "orders", "huddle_schema_history");
            assertThat(Queries.count(statement, "select count(*) from huddle_schema_history where success")).isEqualTo(2);
        }
    }
}
