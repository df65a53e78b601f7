package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.SchemaSnapshot;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.session.DatabaseSession;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's committed schema snapshot is what its migrations build: a migration that changes the schema fails the
 * build until its snapshot is regenerated, and reviewers read the schema change in the same diff.
 */
class SchemaSnapshotIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyModulesSnapshotMatchesTheSchemaItsMigrationsBuild(Engine engine) throws Exception {
        Dialect dialect = engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.SQLITE;
        Migrations migrations = Migrations.discover();
        MigrationPlan plan = migrations.plan(dialect);
        TestDatabase scratch = TestDatabases.fresh(engine);
        ExpectedSchema expected;
        try (DatabaseSession session = DatabaseSession.open(() -> connect(scratch), dialect, null, "the scratch test database", List.of())) {
            expected = ExpectedSchemaBuilder.build(plan, session);
        }

        assertThat(migrations.modules()).hasSize(4);
        for (ModuleDescriptor module : migrations.modules()) {
            String resource = SchemaSnapshot.resource(module.name(), dialect);
            assertThat(committed(resource))
                    .as("%s is not what module %s's migrations build on %s. Build, then run from the repository root: "
                            + "app/target/huddle-migrate --url postgresql://USER@HOST/DB snapshot  (SQLite's need no server) "
                            + "and commit the snapshots.", resource, module.name(), engine)
                    .isEqualTo(SchemaSnapshot.render(expected, plan, module.name()));
        }
    }

    private static Connection connect(TestDatabase database) {
        try {
            return database.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the test database " + database.jdbcUrl(), e);
        }
    }

    private static String committed(String resource) throws IOException {
        try (InputStream in = SchemaSnapshotIT.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? "(no snapshot committed)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
