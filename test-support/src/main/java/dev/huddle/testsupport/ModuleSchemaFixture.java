package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One domain module's migrations applied alone to fresh databases: the harness the modules' {@code *SchemaIT} share.
 * test-support is built before the migration engine, so it cannot name the engine's types: a module's test says once
 * how to build its migrator for a database URL and what one {@code up} applied; everything else is done here, the
 * same way for every module.
 *
 * @param <M> the engine's migrator
 */
public final class ModuleSchemaFixture<M> {
    private final String module;
    private final Function<String, M> migrator;
    private final Function<M, List<Applied>> up;

    /**
     * @param module   the module's name
     * @param migrator the module's migrations, alone, against the database a URL names
     * @param up       applies pending migrations and lists what it applied, in order
     */
    public ModuleSchemaFixture(String module, Function<String, M> migrator, Function<M, List<Applied>> up) {
        this.module = module;
        this.migrator = migrator;
        this.up = up;
    }

    /** One migration an {@code up} applied. */
    public record Applied(String module, String version) {
    }

    /** A check against a database, with one connection, a statement on it and an inspector of its schema. */
    @FunctionalInterface
    public interface Check {
        void check(Connection connection, Statement statement, SchemaInspector schema) throws SQLException;
    }

    /** A new migrator of the module against the database; each one reads the scripts once. */
    public M migrator(TestDatabase database) {
        return migrator.apply(database.url());
    }

    /** A fresh database of the engine with every migration of the module applied. */
    public TestDatabase migrated(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        up.apply(migrator(database));
        return database;
    }

    /** Migrates a fresh database of the engine and runs the check against it. */
    public void onMigrated(Engine engine, Check check) throws SQLException {
        TestDatabase database = migrated(engine);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            check.check(connection, statement, new SchemaInspector(connection));
        }
    }

    /**
     * Applies the module to a fresh database of the engine and asserts that it applied only its own migrations, these
     * versions in this order, and left exactly these tables (the history table included).
     */
    public void assertAppliesAloneToAFreshDatabase(Engine engine, List<String> versions, Set<String> tables) throws SQLException {
        TestDatabase database = TestDatabases.fresh(engine);

        List<Applied> applied = up.apply(migrator(database));

        assertThat(applied).extracting(Applied::module).containsOnly(module);
        assertThat(applied).extracting(Applied::version).containsExactlyElementsOf(versions);
        try (Connection connection = database.connect()) {
            assertThat(new SchemaInspector(connection).tables()).containsExactlyInAnyOrderElementsOf(tables);
        }
    }
}
