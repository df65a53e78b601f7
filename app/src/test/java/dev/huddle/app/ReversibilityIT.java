package dev.huddle.app;

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
        TestDatabase db = TestDatabases.fresh(engine);
        Migrator migrator = migrator(db, scope);
        String empty = SchemaDump.of(db);
        migrator.up();
        String full = SchemaDump.of(db);

        migrator.down(new RollbackRequest(null, null, true, null));
        assertThat(SchemaDump.of(db)).as("after down --all").isEqualTo(empty).isEmpty();

        migrator.up();
        assertThat(SchemaDump.of(db)).as("after up again").isEqualTo(full);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scopes")
    void everyStepDownAndBackUpMatchesTheSchemaOfThatStep(Engine engine, String scope) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        Migrator migrator = migrator(db, scope);
        List<String> versions = migrator.plan().migrations().stream().map(ResolvedScript::version).toList();
        List<String> dumps = new ArrayList<>(List.of(SchemaDump.of(db)));
        for (String version : versions) {
            migrator.up(version);
            dumps.add(SchemaDump.of(db));
        }

        for (int step = versions.size() - 1; step >= 0; step--) {
            migrator.down(RollbackRequest.last());
            assertThat(SchemaDump.of(db)).as("down to before %s", versions.get(step)).isEqualTo(dumps.get(step));
        }
        for (int step = 0; step < versions.size(); step++) {
            migrator.up(versions.get(step));
            assertThat(SchemaDump.of(db)).as("up again to %s", versions.get(step)).isEqualTo(dumps.get(step + 1));
        }
    }

    private static Migrator migrator(TestDatabase db, String scope) {
        Migrations migrations = Migrations.discover();
        if (!scope.equals(WHOLE_APP)) {
            migrations = migrations.onlyModules(List.of(scope));
        }
        return migrations.against(DatabaseTargets.fromUrl(db.url()));
    }
}
