package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.huddle.migration.Scenarios.migrated;
import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** down and redo through the runner's arguments, their exit codes, and the reversibility status and validate show. */
class RollbackRunnerIT {
    private static final String REVERSIBLE = Scenarios.path("reversible").toString();
    private static final String IRREVERSIBLE = Scenarios.path("irreversible").toString();
    private static final String HISTORY = "huddle_schema_history";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downListsEachRevertedMigrationNewestFirst(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));

        Run down = run(database, REVERSIBLE, "down", "--steps", "2");

        assertThat(down.code()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(down.out()).containsSubsequence(
                "reverted alpha", "20250105000000", "create alpha tags",
                "reverted beta", "20250104000000", "create beta links",
                "Rolled back 2 migrations.");
        assertThat(down.err()).isEmpty();
        assertThat(HistoryRows.scripts(database)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downWithoutOptionsRevertsOneAndDownAllRevertsTheRest(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));

        Run last = run(database, REVERSIBLE, "down");
        Run all = run(database, REVERSIBLE, "down", "--all");
        Run again = run(database, REVERSIBLE, "down");

        assertThat(last.code()).as(last.err()).isEqualTo(ExitCodes.OK);
        assertThat(last.out()).contains("reverted alpha", "20250105000000", "Rolled back 1 migration.");
        assertThat(all.code()).as(all.err()).isEqualTo(ExitCodes.OK);
        assertThat(all.out()).contains("Rolled back 4 migrations.");
        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to roll back.");
        assertThat(HistoryRows.tables(database)).containsExactly(HISTORY);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downToAVersionAndForOneModule(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));

        Run module = run(database, REVERSIBLE, "down", "--module", "beta", "--steps", "1");
        Run to = run(database, REVERSIBLE, "down", "--to", "20250102000000");

        assertThat(module.code()).as(module.err()).isEqualTo(ExitCodes.OK);
        assertThat(module.out()).contains("reverted beta", "20250104000000", "Rolled back 1 migration.").doesNotContain("reverted alpha");
        assertThat(to.code()).as(to.err()).isEqualTo(ExitCodes.OK);
        assertThat(to.out()).containsSubsequence("20250105000000", "20250103000000", "Rolled back 2 migrations.");
        assertThat(HistoryRows.scripts(database)).containsExactly(
                "alpha/V20250101000000__create_alpha_items.sql", "beta/V20250102000000__create_beta_items.sql");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void badRollbackArgumentsAreUsageErrorsThatChangeNothing(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        List<String> history = HistoryRows.rows(database);

        Run unknownVersion = run(database, REVERSIBLE, "down", "--to", "20250101000001");
        Run unknownModule = run(database, REVERSIBLE, "down", "--module", "gamma");
        Run zeroSteps = run(database, REVERSIBLE, "down", "--steps", "0");
        Run stepsAndAll = run(database, REVERSIBLE, "down", "--steps", "1", "--all");
        Run toAndAll = run(database, REVERSIBLE, "down", "--to", "20250101000000", "--all");
        Run stepsAndTo = run(database, REVERSIBLE, "down", "--steps", "1", "--to", "20250101000000");

        assertThat(unknownVersion.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownVersion.err()).contains("--to 20250101000001 names no known migration");
        assertThat(unknownModule.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownModule.err()).contains("Unknown module gamma", "Known modules: alpha, beta");
        assertThat(zeroSteps.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zeroSteps.err()).contains("--steps must be 1 or more, not 0");
        for (Run twoExtents : List.of(stepsAndAll, toAndAll, stepsAndTo)) {
            assertThat(twoExtents.code()).as(twoExtents.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(twoExtents.err()).contains("mutually exclusive");
        }
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void moduleRollbackIsRefusedWithExitThreeWhileADependentModuleUsesItsTable(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        List<String> history = HistoryRows.rows(database);

        Run refused = run(database, REVERSIBLE, "down", "--module", "alpha", "--all");

        assertThat(refused.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(refused.err()).startsWith("error: The rollback would drop tables that modules depending on them still use")
                .contains("table alpha_items", "beta/V20250104000000__create_beta_links.sql", "Nothing was rolled back");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);

        Run beta = run(database, REVERSIBLE, "down", "--module", "beta", "--all");
        Run alpha = run(database, REVERSIBLE, "down", "--module", "alpha", "--all");

        assertThat(beta.code()).as(beta.err()).isEqualTo(ExitCodes.OK);
        assertThat(alpha.code()).as(alpha.err()).isEqualTo(ExitCodes.OK);
        assertThat(alpha.out()).contains("Rolled back 3 migrations.");
        assertThat(HistoryRows.tables(database)).containsExactly(HISTORY);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesTheSameRollbackScopedWithModulesInsteadOfModule(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        List<String> history = HistoryRows.rows(database);

        Run down = run(database, REVERSIBLE, "--modules", "alpha", "down", "--all");

        assertThat(down.code()).as(down.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(down.err()).contains("alpha_items", "beta/V", "Nothing was rolled back");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aModuleRolledBackAloneIsReappliedWithUpModulesAndShownOutOfOrder(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        assertThat(run(database, REVERSIBLE, "down", "--module", "beta", "--steps", "1").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(database, REVERSIBLE, "down", "--module", "alpha", "--all").code()).isEqualTo(ExitCodes.OK);

        Run up = run(database, REVERSIBLE, "up");
        Run upAlpha = run(database, REVERSIBLE, "--modules", "alpha", "up");
        Run status = run(database, REVERSIBLE, "status", "--json");

        assertThat(up.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("V20250101000000__create_alpha_items.sql", "up --modules alpha");
        assertThat(upAlpha.code()).as(upAlpha.err()).isEqualTo(ExitCodes.OK);
        assertThat(upAlpha.out()).contains("Applied 3 migrations.");
        assertThat(states(status)).containsExactly(
                "alpha 20250101000000 out_of_order", "beta 20250102000000 applied", "alpha 20250103000000 applied",
                "beta 20250104000000 pending", "alpha 20250105000000 applied");
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "alpha_tags");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void redoRevertsAndReappliesTheLastMigration(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        List<String> scripts = HistoryRows.scripts(database);

        Run redo = run(database, REVERSIBLE, "redo");

        assertThat(redo.code()).as(redo.err()).isEqualTo(ExitCodes.OK);
        assertThat(redo.out()).containsSubsequence("reverted alpha", "20250105000000", "applied  alpha", "20250105000000", "Redone.");
        assertThat(HistoryRows.scripts(database)).isEqualTo(scripts);
        assertThat(HistoryRows.tables(database)).contains("alpha_tags");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void crossingAnIrreversibleMigrationExitsThreeAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(IRREVERSIBLE));
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        Run down = run(database, IRREVERSIBLE, "down", "--all");
        Run dryRun = run(database, IRREVERSIBLE, "down", "--all", "--dry-run");

        assertThat(down.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(down.err()).startsWith("error: The rollback crosses migrations that cannot be rolled back.")
                .contains("alpha/V20250102000000__backfill_alpha_names.sql is irreversible");
        assertThat(dryRun.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingDownScriptExitsOneNamingTheScriptAndLine(Engine engine) throws Exception {
        String modules = Scenarios.path("failing-down").toString();
        TestDatabase database = migrated(engine, Path.of(modules));
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        Run down = run(database, modules, "down");

        assertThat(down.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(down.err()).startsWith("error: Rolling back alpha/V20250102000000__create_alpha_notes.sql failed: "
                + "alpha/U20250102000000__create_alpha_notes.sql at line 3: ").contains("alpha_no_such_table");
        assertThat(HistoryRows.tables(database)).contains("alpha_notes");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusShowsWhichMigrationsCanBeRolledBack(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, IRREVERSIBLE, "up", "--target", "20250102000000");
        String excluded = Scenarios.path("excluded").toString();

        JsonNode migrations = new ObjectMapper().readTree(run(database, IRREVERSIBLE, "status", "--json").out()).path("migrations");
        JsonNode excludedMigrations = new ObjectMapper().readTree(run(TestDatabases.fresh(engine), excluded, "status", "--json").out())
                .path("migrations");
        Run table = run(database, IRREVERSIBLE, "status");

        assertThat(migrations).extracting(entry -> entry.path("state").asText() + " " + entry.path("reversible"))
                .containsExactly("applied true", "applied false", "pending true");
        assertThat(migrations).allSatisfy(entry -> assertThat(entry.path("reversible").isBoolean()).isTrue());
        JsonNode excludedEntry = excludedMigrations.get(1);
        assertThat(excludedEntry.path("state").asText()).isEqualTo("excluded");
        assertThat(excludedEntry.has("reversible")).isTrue();
        assertThat(excludedEntry.path("reversible").isNull()).isTrue();
        assertThat(table.out()).contains("REVERSIBLE").containsSubsequence(
                "20250101000000", "applied", "yes", "20250102000000", "applied", "no", "20250103000000", "pending", "yes");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateNotesIrreversibleMigrationsButExitsZero(Engine engine) {
        TestDatabase database = migrated(engine, Path.of(IRREVERSIBLE));

        Run validate = run(database, IRREVERSIBLE, "validate");

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).containsSubsequence(
                "note: alpha/V20250102000000__backfill_alpha_names.sql has no down script",
                "Valid: scripts and history agree.");
        assertThat(validate.out()).doesNotContain("create_alpha_items.sql has no down script", "create_alpha_tags.sql has no down script");
        assertThat(validate.err()).isEmpty();
    }

    private static List<String> states(Run status) throws Exception {
        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = new ArrayList<>();
        new ObjectMapper().readTree(status.out()).path("migrations").forEach(m -> lines.add(
                m.path("module").asText() + " " + m.path("version").asText() + " " + m.path("state").asText()));
        return lines;
    }
}
