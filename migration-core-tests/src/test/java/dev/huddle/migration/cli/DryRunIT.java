package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.huddle.migration.Scenarios.migrated;
import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --dry-run} of up, down and redo: the scripts that would run, in order with their SQL, and no change at all. */
class DryRunIT {
    private static final String REVERSIBLE = Scenarios.path("reversible").toString();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upDryRunOnAFreshDatabasePrintsEveryScriptInOrderAndCreatesNothing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run dryRun = run(database, REVERSIBLE, "up", "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).containsSubsequence(
                "-- up   alpha 20250101000000 create alpha items (alpha/V20250101000000__create_alpha_items.sql)",
                upSql(engine, "alpha", "V20250101000000__create_alpha_items.sql"),
                "-- up   beta 20250102000000 create beta items (beta/V20250102000000__create_beta_items.sql)",
                upSql(engine, "beta", "V20250102000000__create_beta_items.sql"),
                "-- up   alpha 20250103000000 add alpha note (alpha/V20250103000000__add_alpha_note.sql)",
                upSql(engine, "alpha", "V20250103000000__add_alpha_note.sql"),
                "-- up   beta 20250104000000 create beta links (beta/V20250104000000__create_beta_links.sql)",
                upSql(engine, "beta", "V20250104000000__create_beta_links.sql"),
                "-- up   alpha 20250105000000 create alpha tags (alpha/V20250105000000__create_alpha_tags.sql)",
                upSql(engine, "alpha", "V20250105000000__create_alpha_tags.sql"),
                "-- dry run: 5 scripts shown, nothing was changed.");
        assertThat(HistoryRows.tables(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upDryRunRefusesWhatUpRefuses(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        run(database, REVERSIBLE, "down", "--module", "beta", "--steps", "1");
        run(database, REVERSIBLE, "down", "--module", "alpha", "--all");

        Run dryRun = run(database, REVERSIBLE, "up", "--dry-run");
        Run up = run(database, REVERSIBLE, "up");

        assertThat(up.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(dryRun.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(dryRun.err()).isEqualTo(up.err());
        assertThat(dryRun.out()).doesNotContain("-- up ");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upDryRunWithATargetShowsOnlyThePendingScriptsUpToIt(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, REVERSIBLE, "up", "--target", "20250102000000");
        List<String> history = HistoryRows.rows(database);

        Run dryRun = run(database, REVERSIBLE, "up", "--target", "20250104000000", "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).containsSubsequence("-- up   alpha 20250103000000", "-- up   beta 20250104000000",
                        "-- dry run: 2 scripts shown, nothing was changed.")
                .doesNotContain("20250101000000", "20250105000000");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void downDryRunPrintsTheDownScriptsNewestFirstAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        Run dryRun = run(database, REVERSIBLE, "down", "--steps", "2", "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).containsSubsequence(
                "-- down alpha 20250105000000 create alpha tags (alpha/U20250105000000__create_alpha_tags.sql)",
                downSql(engine, "alpha", "U20250105000000__create_alpha_tags.sql"),
                "-- down beta 20250104000000 create beta links (beta/U20250104000000__create_beta_links.sql)",
                downSql(engine, "beta", "U20250104000000__create_beta_links.sql"),
                "-- dry run: 2 scripts shown, nothing was changed.");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void redoDryRunPrintsTheDownThenTheUpScriptAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = migrated(engine, Path.of(REVERSIBLE));
        String schema = SchemaDump.of(database);
        List<String> history = HistoryRows.rows(database);

        Run dryRun = run(database, REVERSIBLE, "redo", "--dry-run");

        assertThat(dryRun.code()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(dryRun.out()).containsSubsequence(
                "-- down alpha 20250105000000 create alpha tags (alpha/U20250105000000__create_alpha_tags.sql)",
                downSql(engine, "alpha", "U20250105000000__create_alpha_tags.sql"),
                "-- up   alpha 20250105000000 create alpha tags (alpha/V20250105000000__create_alpha_tags.sql)",
                upSql(engine, "alpha", "V20250105000000__create_alpha_tags.sql"),
                "-- dry run: 2 scripts shown, nothing was changed.");
        assertThat(SchemaDump.of(database)).isEqualTo(schema);
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
    }

    private static String upSql(Engine engine, String module, String fileName) {
        return Scenarios.read(Scenarios.script(Path.of(REVERSIBLE), module, Scenarios.dialectOf(engine), fileName)).strip();
    }

    private static String downSql(Engine engine, String module, String fileName) {
        return Scenarios.read(Scenarios.downScript(Path.of(REVERSIBLE), module, Scenarios.dialectOf(engine), fileName)).strip();
    }
}
