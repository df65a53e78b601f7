package dev.huddle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.rollback.RollbackRequest;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped history can be walked down and up again without leaving a trace: for each module alone and for the
 * whole app, on both engines, the schema after any number of steps down and back up is identical to the schema the
 * same migrations first produced, compared as normalized dumps.
 *
 * <p>Each case walks its own database, so the cases run concurrently: the longest class of the build then ends sooner.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReversibilityIT {
    private static final String WHOLE_APP = "all modules";

    static Stream<Arguments> scopes() {
        List<String> scopes = new ArrayList<>(Migrations.discover().modules().stream().map(m -> m.name()).toList());
        scopes.add(WHOLE_APP);
        return Stream.of(Engine.values()).flatMap(engine -> scopes.stream().map(scope -> Arguments.of(engine, scope)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scopes")
    void downAllLeavesNothingAndUpAgainRebuildsTheSameSchema(Engine engine, String scope) throws Exception {
        try (Walk walk = new Walk(TestDatabases.fresh(engine), scope)) {
            String empty = walk.dump();
            walk.migrator.up();
            String full = walk.dump();

            walk.migrator.down(new RollbackRequest(null, null, true, null));
            assertThat(walk.dump()).as("after down --all").isEqualTo(empty).isEmpty();

            walk.migrator.up();
            assertThat(walk.dump()).as("after up again").isEqualTo(full);
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scopes")
    void everyStepDownAndBackUpMatchesTheSchemaOfThatStep(Engine engine, String scope) throws Exception {
        try (Walk walk = new Walk(TestDatabases.fresh(engine), scope)) {
            Migrator migrator = walk.migrator;
            List<String> versions = migrator.plan().migrations().stream().map(ResolvedScript::version).toList();
            List<String> dumps = new ArrayList<>(List.of(walk.dump()));
            for (String version : versions) {
                migrator.up(version);
                dumps.add(walk.dump());
            }

            for (int step = versions.size() - 1; step >= 0; step--) {
                migrator.down(RollbackRequest.last());
                assertThat(walk.dump()).as("down to before %s", versions.get(step)).isEqualTo(dumps.get(step));
            }
            for (int step = 0; step < versions.size(); step++) {
                migrator.up(versions.get(step));
                assertThat(walk.dump()).as("up again to %s", versions.get(step)).isEqualTo(dumps.get(step + 1));
            }
        }
    }

    /**
     * One database walked up and down: the migrator borrows its connection from a pool of one, and the dumps read over
     * one kept connection. A whole-app walk runs about a hundred commands and dumps; with a connection each, that was
     * 150 PostgreSQL connections per case, at 35-40 ms of server CPU each on these machines.
     */
    private static final class Walk implements AutoCloseable {
        final Migrator migrator;
        private final TestDatabase db;
        private final HikariDataSource pool;
        private final Connection dumps;

        Walk(TestDatabase db, String scope) throws SQLException {
            this.db = db;
            Migrations migrations = Migrations.discover();
            if (!scope.equals(WHOLE_APP)) {
                migrations = migrations.onlyModules(List.of(scope));
            }
            if (db.engine() == Engine.POSTGRESQL) {
                // The app's own path at boot: a pooled data source.
                pool = new HikariDataSource();
                pool.setJdbcUrl(db.jdbcUrl());
                pool.setUsername(db.user());
                pool.setPassword(db.password());
                pool.setMaximumPoolSize(1);
                migrator = migrations.against(pool, "the test database");
            } else {
                // SQLite connections are opened in process, at no server's cost: the runner's own path.
                pool = null;
                migrator = migrations.against(DatabaseTargets.fromUrl(db.url()));
            }
            dumps = db.connect();
        }

        String dump() throws SQLException {
            return SchemaDump.of(db.engine(), dumps);
        }

        @Override
        public void close() throws SQLException {
            dumps.close();
            if (pool != null) {
                pool.close();
            }
        }
    }
}
