package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One domain module's migrations applied alone by the engine to an empty database: the check every module's
 * {@code *SchemaIT} makes of what {@code up} applies. (Tests that only need the module's schema take a migrated
 * database from test-databases' {@code MigratedDatabases} instead.) test-support is built before the migration engine,
 * so it cannot name the engine's types: a module's test says once how to build its migrator for a database URL and
 * what one {@code up} applied.
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

    /** A new migrator of the module against the database; each one reads the scripts once. */
    public M migrator(TestDatabase database) {
        return migrator.apply(database.url());
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
