package dev.huddle.migration.status;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.ExcludedScript;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StatusReportTest {
    private static final Instant NOON = Instant.parse("2025-01-05T12:00:00Z");

    @Test
    void listsEveryScriptPendingOnAnEmptyDatabaseWithExclusionsAndInMemoryTables() {
        MigrationPlan plan = plan(List.of("alpha", "beta"),
                List.of(script("alpha", "20250101000000", "create_items"), script("beta", "20250102000000", "create_tags")),
                List.of(new ExcludedScript("alpha", Dialect.SQLITE, "V20250103000000__backfill.sql", "Run by hand")));

        StatusReport report = StatusReport.of(plan, List.of(), "jdbc:sqlite:test.db");

        assertThat(report.migrations()).extracting(MigrationStatus::module, MigrationStatus::version, MigrationStatus::description,
                MigrationStatus::script, MigrationStatus::state, MigrationStatus::note).containsExactly(
                tuple("alpha", "20250101000000", "create items", "alpha/V20250101000000__create_items.sql", MigrationState.PENDING, null),
                tuple("beta", "20250102000000", "create tags", "beta/V20250102000000__create_tags.sql", MigrationState.PENDING, null),
                tuple("alpha", "20250103000000", "backfill", "alpha/V20250103000000__backfill.sql", MigrationState.EXCLUDED, "Run by hand"));
        assertThat(report.database()).isEqualTo("jdbc:sqlite:test.db");
        assertThat(report.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(report.inMemoryTables()).containsExactly(new InMemoryTable("alpha", "presence"));
        assertThat(report.count(MigrationState.PENDING)).isEqualTo(2);
    }

    @Test
    void marksAppliedRowsWithTheirTimeAndDuration() {
        ResolvedScript items = script("alpha", "20250101000000", "create_items");
        MigrationPlan plan = plan(List.of("alpha"), List.of(items, script("alpha", "20250102000000", "add_note")), List.of());

        StatusReport report = StatusReport.of(plan, List.of(row(1, items, true)), "db");

        assertThat(report.migrations()).extracting(MigrationStatus::version, MigrationStatus::state, MigrationStatus::installedOn,
                MigrationStatus::executionTimeMillis).containsExactly(
                tuple("20250101000000", MigrationState.APPLIED, NOON, 7),
                tuple("20250102000000", MigrationState.PENDING, null, null));
        assertThat(report.appliedCount()).isEqualTo(1);
    }

    @Test
    void marksFailedMissingFutureAndOutOfOrderRows() {
        ResolvedScript first = script("alpha", "20250101000000", "first");
        ResolvedScript second = script("alpha", "20250102000000", "second");
        ResolvedScript third = script("alpha", "20250103000000", "third");
        ResolvedScript gone = script("alpha", "20250102120000", "gone");
        ResolvedScript newer = script("alpha", "20250104000000", "from_a_newer_release");
        MigrationPlan plan = plan(List.of("alpha"), List.of(first, second, third), List.of());

        StatusReport report = StatusReport.of(plan,
                List.of(row(1, first, true), row(2, third, true), row(3, second, true), row(4, gone, true), row(5, newer, true),
                        row(6, script("alpha", "20250105000000", "broken"), false)),
                "db");

        assertThat(report.migrations()).extracting(MigrationStatus::version, MigrationStatus::state).containsExactly(
                tuple("20250101000000", MigrationState.APPLIED),
                tuple("20250102000000", MigrationState.OUT_OF_ORDER),
                tuple("20250102120000", MigrationState.MISSING),
                tuple("20250103000000", MigrationState.APPLIED),
                tuple("20250104000000", MigrationState.FUTURE),
                tuple("20250105000000", MigrationState.FAILED));
        assertThat(report.appliedCount()).isEqualTo(3);
        assertThat(report.problemCount()).isEqualTo(3);
        assertThat(report.inState(MigrationState.MISSING)).extracting(MigrationStatus::script)
                .containsExactly("alpha/V20250102120000__gone.sql");
    }

    @Test
    void marksDuplicateRowsAndRowsOfUndeclaredModules() {
        ResolvedScript first = script("alpha", "20250101000000", "first");
        ResolvedScript stranger = script("gamma", "20250102000000", "from_elsewhere");
        MigrationPlan plan = plan(List.of("alpha"), List.of(first), List.of());

        StatusReport report = StatusReport.of(plan, List.of(row(1, first, true), row(2, first, true), row(3, stranger, true)), "db");

        assertThat(report.migrations()).extracting(MigrationStatus::version, MigrationStatus::state).containsExactly(
                tuple("20250101000000", MigrationState.APPLIED),
                tuple("20250101000000", MigrationState.DUPLICATE),
                tuple("20250102000000", MigrationState.UNKNOWN_MODULE));
        assertThat(report.inState(MigrationState.DUPLICATE)).singleElement().extracting(MigrationStatus::note).asString()
                .contains("recorded twice", "installed_rank 2");
        assertThat(report.inState(MigrationState.UNKNOWN_MODULE)).singleElement().extracting(MigrationStatus::note).asString()
                .contains("module gamma", "no module");
    }

    @Test
    void leavesOutRowsOfModulesThatAreNotSelected() {
        ResolvedScript alpha = script("alpha", "20250101000000", "create_items");
        MigrationPlan plan = plan(List.of("alpha"), List.of(alpha), List.of());

        StatusReport report = StatusReport.of(plan, List.of(row(1, alpha, true), row(2, script("beta", "20250102000000", "tags"), true)), "db");

        assertThat(report.migrations()).extracting(MigrationStatus::module).containsExactly("alpha");
    }

    @Test
    void notesWhyAMigrationIsAllowedOutOfOrder() {
        ResolvedScript first = script("alpha", "20250101000000", "first");
        ResolvedScript late = script("alpha", "20250102000000", "late", "-- huddle:out-of-order merged late from branch x\n");
        ResolvedScript later = script("alpha", "20250103000000", "later", "-- huddle:out-of-order another branch\n");
        ResolvedScript third = script("alpha", "20250104000000", "third");
        MigrationPlan plan = plan(List.of("alpha"), List.of(first, late, later, third), List.of());

        StatusReport report = StatusReport.of(plan, List.of(row(1, first, true), row(2, third, true), row(3, late, true)), "db");

        assertThat(report.migrations()).extracting(MigrationStatus::version, MigrationStatus::state, MigrationStatus::note).containsExactly(
                tuple("20250101000000", MigrationState.APPLIED, null),
                tuple("20250102000000", MigrationState.OUT_OF_ORDER, "allowed out of order: merged late from branch x"),
                tuple("20250103000000", MigrationState.PENDING, "allowed out of order: another branch"),
                tuple("20250104000000", MigrationState.APPLIED, null));
    }

    static ResolvedScript script(String module, String version, String description) {
        return script(module, version, description, "");
    }

    /** A script whose text ends with {@code markers}, {@code -- huddle:...} lines. */
    static ResolvedScript script(String module, String version, String description, String markers) {
        String fileName = "V" + version + "__" + description + ".sql";
        String sql = "-- " + fileName + "\n" + markers;
        return new ResolvedScript(module, Dialect.SQLITE, version, description, fileName, "/scripts/" + module + "/sqlite/" + fileName,
                sql, null);
    }

    static AppliedMigration row(int rank, ResolvedScript script, boolean success) {
        return new AppliedMigration(rank, script.version(), script.readableDescription(), script.historyPath(), script.checksum(),
                NOON, 7, success);
    }

    private static MigrationPlan plan(List<String> modules, List<ResolvedScript> migrations, List<ExcludedScript> excluded) {
        return new MigrationPlan(Dialect.SQLITE, modules, migrations, excluded, List.of(new InMemoryTable(modules.get(0), "presence")),
                Map.of("alpha", Set.of(), "beta", Set.of()));
    }
}
