package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.failure.InconsistentHistoryException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.plan.Checksum;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.MigrationStatus;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class MigratorIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesEveryModuleInMergedOrderAndRecordsEachScriptWithItsModule(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        UpResult result = migrator(Interleaved.path(), database).up();

        assertThat(result.applied()).extracting(MigrationStep::module, MigrationStep::version, MigrationStep::description)
                .containsExactlyElementsOf(Interleaved.MIGRATIONS.stream().map(m -> tuple(m.module(), m.version(), m.description())).toList());
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts());
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "beta_items", "beta_tags", "huddle_schema_history");
        assertThat(HistoryRows.columns(database, "alpha_items")).containsExactlyInAnyOrder("id", "name", "note");

        StatusReport status = migrator(Interleaved.path(), database).status();
        assertThat(status.migrations()).extracting(MigrationStatus::script).containsExactlyElementsOf(Interleaved.scripts());
        assertThat(status.migrations()).allSatisfy(migration -> {
            assertThat(migration.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(migration.installedOn()).isNotNull();
            assertThat(migration.executionTimeMillis()).isNotNull();
        });
        assertThat(status.dialect()).isEqualTo(Scenarios.dialectOf(engine));
        assertThat(migrator(Interleaved.path(), database).validate().isClean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesNothingTheSecondTime(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        migrator(Interleaved.path(), database).up();

        UpResult second = migrator(Interleaved.path(), database).up();

        assertThat(second.applied()).isEmpty();
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stopsAtTheTargetVersionAndAppliesTheRestLater(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        UpResult partial = migrator(Interleaved.path(), database).up("20250102000000");

        assertThat(partial.applied()).extracting(MigrationStep::version).containsExactly("20250101000000", "20250102000000");
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "beta_items").doesNotContain("beta_tags");
        StatusReport status = migrator(Interleaved.path(), database).status();
        assertThat(status.migrations()).extracting(MigrationStatus::state).containsExactly(
                MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING, MigrationState.PENDING);
        ValidationReport validation = migrator(Interleaved.path(), database).validate();
        assertThat(validation.isClean()).isTrue();
        assertThat(validation.pending()).isEqualTo(2);

        UpResult rest = migrator(Interleaved.path(), database).up();

        assertThat(rest.applied()).extracting(MigrationStep::version).containsExactly("20250103000000", "20250104000000");
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesATargetThatNamesNoMigrationBeforeApplyingAnything(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        assertThatThrownBy(() -> migrator(Interleaved.path(), database).up("20990101000000"))
                .isInstanceOf(UnknownVersionException.class)
                .hasMessageContaining("--target 20990101000000");

        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesPendingScriptsThatTouchAnInMemoryTableBeforeApplyingAnyOfThem(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        assertThatThrownBy(() -> migrator(Scenarios.path("in-memory-guard"), database).up())
                .isInstanceOf(MigrationPlanRefusedException.class)
                .hasMessageContaining("V20250102000000__index_external_sessions.sql runs CREATE INDEX ... ON")
                .hasMessageContaining("V20250103000000__drop_legacy_tables.sql runs DROP TABLE");
        assertThatThrownBy(() -> migrator(Scenarios.path("in-memory-guard"), database).pending(null))
                .as("a dry run refuses them too").isInstanceOf(MigrationPlanRefusedException.class);

        assertThat(HistoryRows.scripts(database)).isEmpty();
        assertThat(HistoryRows.tables(database)).doesNotContain("rooms");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rollsBackAFailingRunWholeSoNoMigrationOfItIsApplied(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("failing-script", temp);

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> migrator(modules, database).up());

        assertThat(failure).isNotNull();
        assertThat(failure.script()).isEqualTo("alpha/V20250102000000__create_alpha_tags.sql");
        assertThat(failure).hasMessageContaining("failed at line").hasMessageContaining("all rolled back");
        assertThat(HistoryRows.tables(database)).isEmpty();
        assertThat(migrator(modules, database).status().migrations()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.PENDING);

        Scenarios.writeInBothDialects(modules, "alpha", "V20250102000000__create_alpha_tags.sql",
                "create table alpha_tags (id integer primary key);\n");
        UpResult retry = migrator(modules, database).up();

        assertThat(retry.applied()).extracting(MigrationStep::version).containsExactly("20250101000000", "20250102000000", "20250103000000");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withATransactionPerMigrationAFailureKeepsTheMigrationsBeforeIt(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("failing-script", temp);

        MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
                () -> Scenarios.migrations(modules).withTransactionPerMigration(true).against(DatabaseTargets.fromUrl(database.url())).up());

        assertThat(failure).isNotNull();
        assertThat(failure.script()).isEqualTo("alpha/V20250102000000__create_alpha_tags.sql");
        assertThat(failure).hasMessageContaining("alpha/V20250102000000__create_alpha_tags.sql").hasMessageContaining("rolled back");
        assertThat(HistoryRows.tables(database)).contains("alpha_items").doesNotContain("alpha_tags", "alpha_broken", "alpha_notes");
        assertThat(HistoryRows.scripts(database)).containsExactly("alpha/V20250101000000__create_alpha_items.sql");
        assertThat(migrator(modules, database).status().migrations()).extracting(MigrationStatus::version, MigrationStatus::state)
                .containsExactly(
                        tuple("20250101000000", MigrationState.APPLIED),
                        tuple("20250102000000", MigrationState.PENDING),
                        tuple("20250103000000", MigrationState.PENDING));

        Scenarios.writeInBothDialects(modules, "alpha", "V20250102000000__create_alpha_tags.sql",
                "create table alpha_tags (id integer primary key);\n");
        UpResult retry = migrator(modules, database).up();

        assertThat(retry.applied()).extracting(MigrationStep::version).containsExactly("20250102000000", "20250103000000");
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "alpha_tags", "alpha_notes");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsAnEditedScriptAndRefusesToApplyAnything(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        migrator(modules, database).up("20250103000000");
        String file = "V20250101000000__create_alpha_items.sql";
        Path script = Scenarios.script(modules, "alpha", Scenarios.dialectOf(engine), file);
        int applied = Checksum.of(Scenarios.read(script));
        Scenarios.write(script, Scenarios.read(script) + "-- tidied up after release\n");
        int edited = Checksum.of(Scenarios.read(script));

        ValidationReport report = migrator(modules, database).validate();

        assertThat(report.problems()).singleElement().asString()
                .contains("Module alpha", file, "checksum applied " + applied, "file now " + edited);

        InconsistentHistoryException refused = catchThrowableOfType(InconsistentHistoryException.class,
                () -> migrator(modules, database).up());
        assertThat(refused).isNotNull().hasMessageContaining(file);
        assertThat(refused.report().problems()).isEqualTo(report.problems());
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts().subList(0, 3));
        assertThat(HistoryRows.tables(database)).doesNotContain("beta_tags");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsAnAppliedScriptWhoseFileWasDeleted(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        migrator(modules, database).up();
        for (Dialect dialect : Dialect.values()) {
            Files.delete(Scenarios.script(modules, "alpha", dialect, "V20250101000000__create_alpha_items.sql"));
        }

        StatusReport status = migrator(modules, database).status();
        ValidationReport validation = migrator(modules, database).validate();

        assertThat(status.inState(MigrationState.MISSING)).singleElement().satisfies(missing -> {
            assertThat(missing.module()).isEqualTo("alpha");
            assertThat(missing.version()).isEqualTo("20250101000000");
            assertThat(missing.script()).isEqualTo("alpha/V20250101000000__create_alpha_items.sql");
        });
        assertThat(validation.problems()).singleElement().asString()
                .contains("alpha/V20250101000000__create_alpha_items.sql", "module alpha no longer ships it");
        assertThatThrownBy(() -> migrator(modules, database).up()).isInstanceOf(InconsistentHistoryException.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesANewScriptOlderThanTheNewestApplied(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        migrator(modules, database).up();
        String late = "V20250102120000__create_alpha_tags.sql";
        Scenarios.writeInBothDialects(modules, "alpha", late, "create table alpha_tags (id integer primary key);\n");

        ValidationReport validation = migrator(modules, database).validate();

        assertThat(validation.outOfOrder()).singleElement().asString()
                .contains("Module alpha", late, "older than the newest applied migration (20250104000000)");
        assertThatThrownBy(() -> migrator(modules, database).up()).isInstanceOf(InconsistentHistoryException.class);
        assertThat(HistoryRows.tables(database)).doesNotContain("alpha_tags");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void limitsUpAndStatusToTheSelectedModules(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Migrator alphaOnly = Scenarios.migrations(Interleaved.path()).onlyModules(List.of("alpha"))
                .against(DatabaseTargets.fromUrl(database.url()));

        UpResult result = alphaOnly.up();

        assertThat(result.applied()).extracting(MigrationStep::module).containsExactly("alpha", "alpha");
        assertThat(HistoryRows.scripts(database)).containsExactly(Interleaved.scripts().get(0), Interleaved.scripts().get(2));
        assertThat(HistoryRows.tables(database)).contains("alpha_items").doesNotContain("beta_items", "beta_tags");
        assertThat(alphaOnly.status().migrations()).extracting(MigrationStatus::module, MigrationStatus::state).containsExactly(
                tuple("alpha", MigrationState.APPLIED), tuple("alpha", MigrationState.APPLIED));
        assertThat(migrator(Interleaved.path(), database).status().migrations())
                .extracting(MigrationStatus::module, MigrationStatus::state).containsExactly(
                        tuple("alpha", MigrationState.APPLIED), tuple("beta", MigrationState.PENDING),
                        tuple("alpha", MigrationState.APPLIED), tuple("beta", MigrationState.PENDING));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void neverRunsAnExcludedScriptButShowsIt(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        UpResult result = migrator(Scenarios.path("excluded"), database).up();

        assertThat(result.applied()).extracting(MigrationStep::version).containsExactly("20250101000000");
        assertThat(HistoryRows.scripts(database)).containsExactly("alpha/V20250101000000__create_alpha_items.sql");
        StatusReport status = migrator(Scenarios.path("excluded"), database).status();
        assertThat(status.migrations()).extracting(MigrationStatus::version, MigrationStatus::state, MigrationStatus::note).containsExactly(
                tuple("20250101000000", MigrationState.APPLIED, null),
                tuple("20250102000000", MigrationState.EXCLUDED, "Run by hand during the January outage"));
        assertThat(status.inMemoryTables()).extracting(t -> t.module() + "." + t.table()).containsExactly("alpha.alpha_presence");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsADialectOnlyScriptOnItsDialectAlone(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        UpResult result = migrator(Scenarios.path("dialect-only"), database).up();

        List<String> expected = engine == Engine.POSTGRESQL
                ? List.of("20250101000000", "20250102000000")
                : List.of("20250101000000");
        assertThat(result.applied()).extracting(MigrationStep::version).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsTheDialectFromAPooledDataSource(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Migrator migrator = Scenarios.migrations(Interleaved.path())
                .against(DatabaseTargets.fromUrl(database.url()).dataSource());

        assertThat(migrator.plan().dialect()).isEqualTo(Scenarios.dialectOf(engine));
        assertThat(migrator.up().applied()).hasSize(4);
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts());
    }
}
