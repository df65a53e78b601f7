package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate} lints the scripts of both dialects, whichever engine it checks; {@code up} never lints. */
class LintRunnerIT {
    private static final String LINT_FINDINGS = Scenarios.path("lint-findings").toString();
    private static final String INDEX = "alpha/V20250102000000__index_alpha_names.sql";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateReportsLintFindingsOfThePostgresqlScriptsWhateverTheDatabase(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);

        Run validate = run(database, LINT_FINDINGS, "validate");

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err()).contains("Validation failed, 2 problems:",
                "H001 " + INDEX + ":1 (postgresql): CREATE INDEX on alpha_items: index built without CONCURRENTLY",
                "Suggestion: use CREATE INDEX CONCURRENTLY", "'-- huddle:lint-ignore H001 <reason>'",
                "H006 " + INDEX + ":1 (postgresql): ");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upAppliesScriptsWithLintFindings(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, LINT_FINDINGS, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(HistoryRows.scripts(database)).containsExactly("alpha/V20250101000000__create_alpha_items.sql", INDEX);
    }
}
