package dev.huddle.migration.rollback;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.failure.IrreversibleMigrationException;
import dev.huddle.migration.failure.RollbackRefusedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import dev.huddle.migration.plan.ScriptName;
import dev.huddle.migration.status.MigrationInfos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which applied migrations a rollback chooses, and when it refuses, against histories written by hand. */
class RollbackPlannerTest {
    private static final String ALPHA_ITEMS = "alpha/V20250101000000__create_alpha_items.sql";
    private static final String BETA_ITEMS = "beta/V20250102000000__create_beta_items.sql";
    private static final String ALPHA_NOTE = "alpha/V20250103000000__add_alpha_note.sql";
    private static final String BETA_LINKS = "beta/V20250104000000__create_beta_links.sql";
    private static final String ALPHA_TAGS = "alpha/V20250105000000__create_alpha_tags.sql";
    private static final List<String> EVERYTHING = List.of(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE, BETA_LINKS, ALPHA_TAGS);

    @TempDir
    Path temp;

    @Test
    void revertsTheLastAppliedMigrationByDefault() {
        RollbackPlan plan = plan("reversible", new RollbackRequest(null, null, false, null), history(EVERYTHING));

        assertThat(scripts(plan)).containsExactly(ALPHA_TAGS);
        assertThat(plan.steps().get(0).downScript()).isEqualTo("alpha/U20250105000000__create_alpha_tags.sql");
        assertThat(plan.steps().get(0).description()).isEqualTo("create alpha tags");
    }

    @Test
    void ordersStepsByInstalledRankSoAMigrationAppliedOutOfOrderIsRevertedFirst() {
        List<AppliedMigration> history = history(List.of(ALPHA_ITEMS, BETA_ITEMS, BETA_LINKS, ALPHA_NOTE));

        assertThat(scripts(plan("reversible", RollbackRequest.last(), history))).containsExactly(ALPHA_NOTE);
        assertThat(scripts(plan("reversible", new RollbackRequest(null, null, true, null), history)))
                .containsExactly(ALPHA_NOTE, BETA_LINKS, BETA_ITEMS, ALPHA_ITEMS);
    }

    @Test
    void revertsTheLastStepsNewestFirstAndNoMoreThanIsApplied() {
        assertThat(scripts(plan("reversible", new RollbackRequest(2, null, false, null), history(EVERYTHING))))
                .containsExactly(ALPHA_TAGS, BETA_LINKS);
        assertThat(scripts(plan("reversible", new RollbackRequest(9, null, false, null), history(EVERYTHING.subList(0, 2)))))
                .containsExactly(BETA_ITEMS, ALPHA_ITEMS);
    }

    @Test
    void revertsEveryMigrationNewerThanTheToVersion() {
        assertThat(scripts(plan("reversible", new RollbackRequest(null, "20250102000000", false, null), history(EVERYTHING))))
                .containsExactly(ALPHA_TAGS, BETA_LINKS, ALPHA_NOTE);
        assertThat(plan("reversible", new RollbackRequest(null, "20250105000000", false, null), history(EVERYTHING)).isEmpty())
                .isTrue();
    }

    @Test
    void plansNothingWhenNothingIsApplied() {
        assertThat(plan("reversible", RollbackRequest.last(), List.of()).isEmpty()).isTrue();
        assertThat(plan("reversible", new RollbackRequest(null, null, true, null), List.of()).steps()).isEmpty();
    }

    @Test
    void limitsAModuleRollbackToThatModulesMigrations() {
        RollbackPlan plan = plan("reversible", new RollbackRequest(1, null, false, "beta"), history(EVERYTHING));

        assertThat(scripts(plan)).containsExactly(BETA_LINKS);
    }

    @Test
    void allowsAModuleRollbackThatDropsNoTableADependentUses() {
        RollbackPlan plan = plan("reversible", new RollbackRequest(2, null, false, "alpha"), history(EVERYTHING));

        assertThat(scripts(plan)).containsExactly(ALPHA_TAGS, ALPHA_NOTE);
    }

    @Test
    void refusesAModuleRollbackThatWouldDropATableAnAppliedDependentMigrationNames() {
        RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                () -> plan("reversible", new RollbackRequest(null, null, true, "alpha"), history(EVERYTHING)));

        assertThat(refused).isNotNull().isNotInstanceOf(IrreversibleMigrationException.class)
                .hasMessageStartingWith("The rollback would drop tables that modules depending on them still use")
                .hasMessageContaining("Nothing was rolled back");
        assertThat(refused.reasons()).singleElement().asString().isEqualTo("table alpha_items (created by " + ALPHA_ITEMS
                + ") is used by " + BETA_LINKS + ", applied, of module beta which depends on alpha.");
    }

    @Test
    void allowsTheSameModuleRollbackOnceTheDependentMigrationIsNoLongerApplied() {
        RollbackPlan plan = plan("reversible", new RollbackRequest(null, null, true, "alpha"),
                history(List.of(ALPHA_ITEMS, BETA_ITEMS, ALPHA_NOTE, ALPHA_TAGS)));

        assertThat(scripts(plan)).containsExactly(ALPHA_TAGS, ALPHA_NOTE, ALPHA_ITEMS);
    }

    @Test
    void refusesARollbackScopedWithModulesThatADependentModuleStillNeeds() {
        MigrationPlan all = new MigrationPlanner(Scenarios.modules("reversible")).checkedPlan(Dialect.SQLITE, List.of());
        MigrationPlan alphaOnly = new MigrationPlanner(Scenarios.modules("reversible")).checkedPlan(Dialect.SQLITE, List.of("alpha"));

        RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                () -> planner(alphaOnly, all, history(EVERYTHING)).plan(new RollbackRequest(null, null, true, null)));

        assertThat(refused).isNotNull();
        assertThat(refused.reasons()).singleElement().asString().contains("alpha_items", "beta/V", "depends on alpha");
    }

    @Test
    void refusesToCrossAMigrationWithoutDownScriptNamingIt() {
        List<AppliedMigration> history = history(List.of("alpha/V20250101000000__create_alpha_items.sql",
                "alpha/V20250102000000__backfill_alpha_names.sql", "alpha/V20250103000000__create_alpha_tags.sql"));

        IrreversibleMigrationException refused = catchThrowableOfType(IrreversibleMigrationException.class,
                () -> plan("irreversible", new RollbackRequest(null, null, true, null), history));

        assertThat(refused).isNotNull().hasMessageStartingWith("The rollback crosses migrations that cannot be rolled back.");
        assertThat(refused.reasons()).containsExactly(
                "alpha/V20250102000000__backfill_alpha_names.sql is irreversible: it ships no down script.");
        assertThat(scripts(plan("irreversible", RollbackRequest.last(), history)))
                .containsExactly("alpha/V20250103000000__create_alpha_tags.sql");
    }

    @Test
    void givesTheReasonAMigrationIsMarkedIrreversible() {
        Path modules = Scenarios.copy("irreversible", temp);
        Scenarios.writeInBothDialects(modules, "alpha", "V20250102000000__backfill_alpha_names.sql",
                "-- huddle:irreversible The old names are lowered for good\nupdate alpha_items set name = lower(name);\n");
        MigrationPlan plan = new MigrationPlanner(ModuleDiscovery.inDirectory(modules)).checkedPlan(Dialect.POSTGRESQL, List.of());

        IrreversibleMigrationException refused = catchThrowableOfType(IrreversibleMigrationException.class,
                () -> planner(plan, plan, history(List.of("alpha/V20250101000000__create_alpha_items.sql",
                        "alpha/V20250102000000__backfill_alpha_names.sql"))).plan(new RollbackRequest(2, null, false, null)));

        assertThat(refused.reasons()).containsExactly(
                "alpha/V20250102000000__backfill_alpha_names.sql is irreversible: The old names are lowered for good.");
    }

    @Test
    void refusesToRevertAnAppliedMigrationWhoseFileIsGone() {
        List<AppliedMigration> history = history(List.of(ALPHA_ITEMS, "alpha/V20250106000000__create_alpha_gone.sql"));

        assertThatThrownBy(() -> plan("reversible", RollbackRequest.last(), history))
                .isInstanceOf(IrreversibleMigrationException.class)
                .hasMessageContaining("alpha/V20250106000000__create_alpha_gone.sql is applied but its file is gone");
    }

    @Test
    void refusesAnUnknownModuleNamingTheKnownOnes() {
        assertThatThrownBy(() -> plan("reversible", new RollbackRequest(null, null, true, "gamma"), history(EVERYTHING)))
                .isInstanceOf(UnknownModuleException.class)
                .hasMessage("Unknown module gamma. Known modules: alpha, beta.");
    }

    @Test
    void refusesAToVersionThatNamesNoMigration() {
        assertThatThrownBy(() -> plan("reversible", new RollbackRequest(null, "20250101000001", false, null), history(EVERYTHING)))
                .isInstanceOf(UnknownVersionException.class)
                .hasMessageStartingWith("--to 20250101000001 names no known migration");
    }

    private static RollbackPlan plan(String scenario, RollbackRequest request, List<AppliedMigration> history) {
        MigrationPlan plan = new MigrationPlanner(Scenarios.modules(scenario)).checkedPlan(Dialect.SQLITE, List.of());
        return planner(plan, plan, history).plan(request);
    }

    private static RollbackPlanner planner(MigrationPlan inScope, MigrationPlan everyModule, List<AppliedMigration> history) {
        return new RollbackPlanner(MigrationInfos.join(inScope, history), MigrationInfos.join(everyModule, history));
    }

    /** Successful history rows for these scripts, installed in the order given. */
    private static List<AppliedMigration> history(List<String> scripts) {
        List<AppliedMigration> rows = new ArrayList<>();
        for (String script : scripts) {
            String fileName = script.substring(script.indexOf('/') + 1);
            ScriptName name = ScriptName.parse(fileName).orElseThrow();
            rows.add(new AppliedMigration(rows.size() + 1, name.version(), name.readableDescription(), script, 0,
                    Instant.parse("2025-06-01T00:00:00Z"), 1, true));
        }
        return rows;
    }

    private static List<String> scripts(RollbackPlan plan) {
        return plan.steps().stream().map(RollbackStep::script).toList();
    }
}
