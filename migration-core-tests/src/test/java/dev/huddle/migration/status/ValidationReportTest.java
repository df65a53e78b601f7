package dev.huddle.migration.status;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.huddle.migration.status.StatusReportTest.row;
import static dev.huddle.migration.status.StatusReportTest.script;
import static org.assertj.core.api.Assertions.assertThat;

class ValidationReportTest {
    private final ResolvedScript first = script("alpha", "20250101000000", "first");
    private final ResolvedScript second = script("beta", "20250102000000", "second");
    private final ResolvedScript third = script("alpha", "20250103000000", "third");

    @Test
    void isCleanWhenEveryAppliedScriptMatchesAndPendingOnesAreNewer() {
        ValidationReport report = ValidationReport.of(plan(first, second, third), List.of(row(1, first, true)));

        assertThat(report.isClean()).isTrue();
        assertThat(report.pending()).isEqualTo(2);
    }

    @Test
    void reportsAnEditedScriptWithBothChecksums() {
        AppliedMigration applied = new AppliedMigration(1, first.version(), "first", first.historyPath(), 12345, Instant.EPOCH, 1, true);

        ValidationReport report = ValidationReport.of(plan(first), List.of(applied));

        assertThat(report.problems()).singleElement().asString()
                .contains("Module alpha", first.origin(), "edited after it was applied", "checksum applied 12345", "file now " + first.checksum());
    }

    @Test
    void reportsAFailedRow() {
        ValidationReport report = ValidationReport.of(plan(first), List.of(row(1, first, false)));

        assertThat(report.problems()).singleElement().asString()
                .contains("alpha/V20250101000000__first.sql", "failed midway");
    }

    @Test
    void reportsAnAppliedScriptWhoseFileIsGone() {
        ValidationReport report = ValidationReport.of(plan(second), List.of(row(1, first, true), row(2, second, true)));

        assertThat(report.problems()).singleElement().asString()
                .contains("alpha/V20250101000000__first.sql", "module alpha no longer ships it");
    }

    @Test
    void reportsAPendingScriptOlderThanTheNewestApplied() {
        ValidationReport report = ValidationReport.of(plan(first, second, third), List.of(row(1, first, true), row(2, third, true)));

        assertThat(report.problems()).isEmpty();
        assertThat(report.outOfOrder()).singleElement().asString()
                .contains("Module beta", second.origin(), "older than the newest applied migration (20250103000000)");
        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.isClean()).isFalse();
        assertThat(report.isTrustworthy()).isTrue();
    }

    @Test
    void givesTheAdviceForPendingScriptsOlderThanTheNewestAppliedOnceNotOncePerScript() {
        ResolvedScript newest = script("alpha", "20250104000000", "fourth");

        ValidationReport report = ValidationReport.of(plan(first, second, third, newest), List.of(row(1, newest, true)));

        assertThat(report.outOfOrder()).hasSize(3);
        assertThat(String.join("\n", report.outOfOrder())).containsOnlyOnce("'-- huddle:out-of-order <reason>'")
                .containsOnlyOnce("'up --modules alpha,beta'");
        assertThat(report.outOfOrder().get(0)).contains(first.origin(), "If they were merged late, give each a timestamp after "
                + "20250104000000");
        assertThat(report.outOfOrder().subList(1, 3)).allSatisfy(line -> assertThat(line).endsWith(": the same fix as above."));
    }

    @Test
    void letsAPendingScriptRunOutOfOrderWhenItSaysWhy() {
        ResolvedScript late = script("beta", "20250102000000", "second", "-- huddle:out-of-order merged late from branch x\n");

        ValidationReport report = ValidationReport.of(plan(first, late, third), List.of(row(1, first, true), row(2, third, true)));

        assertThat(report.outOfOrder()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.pending()).isEqualTo(1);
    }

    @Test
    void refusesAnOutOfOrderMarkerWithoutAReason() {
        ResolvedScript late = script("beta", "20250102000000", "second", "-- huddle:out-of-order\n");

        ValidationReport report = ValidationReport.of(plan(first, late, third), List.of(row(1, first, true), row(2, third, true)));

        assertThat(report.outOfOrder()).singleElement().asString().contains(late.origin(), "'-- huddle:out-of-order <reason>'");
    }

    @Test
    void ignoresRowsOfModulesThatAreNotSelected() {
        MigrationPlan alphaOnly = new MigrationPlan(Dialect.SQLITE, List.of("alpha"), List.of(first, third), List.of(), List.of(),
                Map.of("alpha", Set.of(), "beta", Set.of()));

        ValidationReport report = ValidationReport.of(alphaOnly, List.of(row(1, first, true), row(2, second, true)));

        assertThat(report.isClean()).isTrue();
    }

    private static MigrationPlan plan(ResolvedScript... scripts) {
        return new MigrationPlan(Dialect.SQLITE, List.of("alpha", "beta"), List.of(scripts), List.of(), List.of(), Map.of());
    }
}
