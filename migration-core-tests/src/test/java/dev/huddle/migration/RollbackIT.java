package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.failure.InconsistentHistoryException;
import dev.huddle.migration.failure.IrreversibleMigrationException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.RollbackRefusedException;
import dev.huddle.migration.rollback.RollbackRequest;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.MigrationStatus;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static dev.huddle.migration.Scenarios.migrated;
import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Rolling back through {@link Migrator}: down, module-scoped down, redo and their refusals, on both engines. */
class RollbackIT {
    private static final Path REVERSIBLE = Scenarios.path("reversible");
    private static final String ALPHA_ITEMS = "alpha/V20250101000000__create_alpha_items.sql";
    private static final String BETA_ITEMS = "beta/V20250102000000__create_beta_items.sql";
    private static final String ALPHA_NOTE = "alpha/V20250103000000__add_alpha_note.sql";
    private static final String BETA_LINKS = "beta/V20250104000000__create_beta_links.sql";
    private static final String ALPHA_TAGS = "alpha/V20250105000000__create_alpha_tags.sql";
    private static final String HISTORY = "huddle_schema_history";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downRevertsTheLastAppliedMigrationAndRemovesItsHistoryRow(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);

        List<MigrationStep> reverted = migrator(REVERSIBLE, database).down(RollbackRequest.last());

        assertThat(reverted).extracting(MigrationStep::module, MigrationStep::version, MigrationStep::description)
                .containsExactly(tuple("alpha", "20250105000000", "create alpha tags"));
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE, BETA_LINKS);
        assertThat(HistoryRows.tables(database)).containsExactlyInAnyOrder(HISTORY, "alpha_items", "beta_items", "beta_links");
        assertThat(migrator(REVERSIBLE, database).status().migrations()).extracting(MigrationStatus::state).containsExactly(
                MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downWithStepsRevertsThatManyNewestFirst(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);

        List<MigrationStep> reverted = migrator(REVERSIBLE, database).down(new RollbackRequest(2, null, false, null));

        assertThat(reverted).extracting(MigrationStep::version).containsExactly("20250105000000", "20250104000000");
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE);
        assertThat(HistoryRows.tables(database)).containsExactlyInAnyOrder(HISTORY, "alpha_items", "beta_items");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downToAVersionRevertsEverythingAppliedAfterIt(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);

        List<MigrationStep> reverted = migrator(REVERSIBLE, database).down(new RollbackRequest(null, "20250102000000", false, null));

        assertThat(reverted).extracting(MigrationStep::version).containsExactly("20250105000000", "20250104000000", "20250103000000");
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS);
        assertThat(HistoryRows.tables(database)).containsExactlyInAnyOrder(HISTORY, "alpha_items", "beta_items");
        assertThat(HistoryRows.columns(database, "alpha_items")).containsExactlyInAnyOrder("id", "name");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downAllLeavesNoTableButTheHistory(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);

        List<MigrationStep> reverted = migrator(REVERSIBLE, database).down(new RollbackRequest(null, null, true, null));

        assertThat(reverted).extracting(MigrationStep::version).containsExactly(
                "20250105000000", "20250104000000", "20250103000000", "20250102000000", "20250101000000");
        assertThat(HistoryRows.tables(database)).containsExactly(HISTORY);
        assertThat(HistoryRows.scripts(database)).isEmpty();
        assertThat(migrator(REVERSIBLE, database).up().applied()).hasSize(5);
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE, BETA_LINKS, ALPHA_TAGS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void moduleScopedDownRevertsOnlyThatModulesNewestMigration(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        migrator(REVERSIBLE, database).up("20250104000000");

        List<MigrationStep> reverted = migrator(REVERSIBLE, database).down(new RollbackRequest(1, null, false, "alpha"));

        assertThat(reverted).extracting(MigrationStep::module, MigrationStep::version).containsExactly(tuple("alpha", "20250103000000"));
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, BETA_LINKS);
        assertThat(HistoryRows.columns(database, "alpha_items")).containsExactlyInAnyOrder("id", "name");
        assertThat(HistoryRows.tables(database)).contains("beta_links");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesRollingBackAModuleAloneWhileAnAppliedDependentMigrationUsesItsTable(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);
        RollbackRequest alphaAll = new RollbackRequest(null, null, true, "alpha");

        RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                () -> migrator(REVERSIBLE, database).down(alphaAll));

        assertThat(refused).isNotNull().isNotInstanceOf(IrreversibleMigrationException.class)
                .hasMessageContaining("The rollback would drop tables that modules depending on them still use").hasMessageContaining("Nothing was rolled back");
        assertThat(refused.reasons()).singleElement().asString().contains("table alpha_items", BETA_LINKS, "module beta");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);

        assertThat(migrator(REVERSIBLE, database).down(new RollbackRequest(null, null, true, "beta")))
                .extracting(MigrationStep::version).containsExactly("20250104000000", "20250102000000");
        assertThat(migrator(REVERSIBLE, database).down(alphaAll))
                .extracting(MigrationStep::version).containsExactly("20250105000000", "20250103000000", "20250101000000");
        assertThat(HistoryRows.tables(database)).containsExactly(HISTORY);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reappliesAModuleRolledBackAloneWithOnlyThatModuleAndShowsItOutOfOrder(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);
        migrator(REVERSIBLE, database).down(new RollbackRequest(1, null, false, "beta"));
        migrator(REVERSIBLE, database).down(new RollbackRequest(null, null, true, "alpha"));
        assertThat(HistoryRows.scripts(database)).containsExactly(BETA_ITEMS);

        InconsistentHistoryException refused = catchThrowableOfType(InconsistentHistoryException.class,
                () -> migrator(REVERSIBLE, database).up());

        assertThat(refused).isNotNull().hasMessageContaining("V20250101000000__create_alpha_items.sql")
                .hasMessageContaining("up --modules alpha");
        assertThat(HistoryRows.tables(database)).doesNotContain("alpha_items");

        Migrator alphaOnly = Scenarios.migrations(REVERSIBLE).onlyModules(List.of("alpha")).against(DatabaseTargets.fromUrl(database.url()));
        assertThat(alphaOnly.up().applied()).extracting(MigrationStep::version)
                .containsExactly("20250101000000", "20250103000000", "20250105000000");

        assertThat(HistoryRows.scripts(database)).containsExactly(BETA_ITEMS, ALPHA_ITEMS, ALPHA_NOTE, ALPHA_TAGS);
        assertThat(migrator(REVERSIBLE, database).status().migrations()).extracting(MigrationStatus::script, MigrationStatus::state)
                .containsExactly(
                        tuple(ALPHA_ITEMS, MigrationState.OUT_OF_ORDER),
                        tuple(BETA_ITEMS, MigrationState.APPLIED),
                        tuple(ALPHA_NOTE, MigrationState.APPLIED),
                        tuple(BETA_LINKS, MigrationState.PENDING),
                        tuple(ALPHA_TAGS, MigrationState.APPLIED));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void redoRevertsTheLastMigrationAndAppliesItAgain(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, REVERSIBLE);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into alpha_tags (id, tag) values (1, 'kept only if the table survives')");
        }

        RedoResult redo = migrator(REVERSIBLE, database).redo();

        assertThat(redo.reverted()).extracting(MigrationStep::version).containsExactly("20250105000000");
        assertThat(redo.reapplied().applied()).extracting(MigrationStep::module, MigrationStep::version)
                .containsExactly(tuple("alpha", "20250105000000"));
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE, BETA_LINKS, ALPHA_TAGS);
        // Flyway numbers a new row one past the highest rank, so the re-inserted row takes the deleted row's place: last.
        assertThat(HistoryRows.installedRank(database, ALPHA_TAGS)).isEqualTo(5);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "select count(*) from alpha_tags")).as("rows of the re-created table").isZero();
        }
        assertThat(migrator(REVERSIBLE, database).validate().isClean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void redoWithNothingAppliedDoesNothing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        RedoResult redo = migrator(REVERSIBLE, database).redo();

        assertThat(redo.reverted()).isEmpty();
        assertThat(redo.reapplied().applied()).isEmpty();
        assertThat(HistoryRows.tables(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void redoRestoresAMigrationAppliedOutOfOrder(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        migrator(REVERSIBLE, database).up("20250104000000");
        migrator(REVERSIBLE, database).down(new RollbackRequest(1, null, false, "alpha"));
        Scenarios.migrations(REVERSIBLE).onlyModules(List.of("alpha")).against(DatabaseTargets.fromUrl(database.url()))
                .up("20250103000000");
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, BETA_LINKS, ALPHA_NOTE);

        RedoResult redone = migrator(REVERSIBLE, database).redo();

        assertThat(redone.reverted()).extracting(MigrationStep::version).containsExactly("20250103000000");
        assertThat(redone.reapplied().applied()).extracting(MigrationStep::version).containsExactly("20250103000000");
        assertThat(HistoryRows.scripts(database)).containsExactly(ALPHA_ITEMS, BETA_ITEMS, BETA_LINKS, ALPHA_NOTE);
        assertThat(HistoryRows.columns(database, "alpha_items")).contains("note");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesUpFrontToCrossAnIrreversibleMigrationAndChangesNothing(Engine engine) throws Exception {
        Path modules = Scenarios.path("irreversible");
        TestDatabase database = migrated(engine, modules);
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        IrreversibleMigrationException refused = catchThrowableOfType(IrreversibleMigrationException.class,
                () -> migrator(modules, database).down(new RollbackRequest(2, null, false, null)));

        assertThat(refused).isNotNull()
                .hasMessageContaining("alpha/V20250102000000__backfill_alpha_names.sql is irreversible: it ships no down script")
                .hasMessageContaining("Nothing was rolled back");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
        assertThat(HistoryRows.tables(database)).contains("alpha_tags");

        assertThat(migrator(modules, database).down(RollbackRequest.last())).extracting(MigrationStep::version)
                .containsExactly("20250103000000");
        assertThat(catchThrowableOfType(IrreversibleMigrationException.class,
                () -> migrator(modules, database).down(RollbackRequest.last()))).isNotNull();
        assertThat(HistoryRows.scripts(database)).containsExactly(
                "alpha/V20250101000000__create_alpha_items.sql", "alpha/V20250102000000__backfill_alpha_names.sql");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingDownScriptLeavesTheSchemaAndHistoryAsBeforeThatStep(Engine engine) throws Exception {
        Path modules = Scenarios.path("failing-down");
        TestDatabase database = migrated(engine, modules);
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> migrator(modules, database).down(new RollbackRequest(null, null, true, null)));

        assertThat(failure).isNotNull();
        assertThat(failure.script()).isEqualTo("alpha/U20250102000000__create_alpha_notes.sql");
        assertThat(failure).hasMessageStartingWith("Rolling back alpha/V20250102000000__create_alpha_notes.sql failed: "
                        + "alpha/U20250102000000__create_alpha_notes.sql at line 3: ")
                .hasMessageContaining("alpha_no_such_table")
                .hasMessageContaining("Statement: drop table alpha_no_such_table")
                .hasMessageContaining("the schema and the history are as they were before this step");
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "alpha_notes");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }
}
