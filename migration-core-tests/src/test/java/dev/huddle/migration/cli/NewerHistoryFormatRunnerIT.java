package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A history table with a column this Huddle does not know was written by a newer Huddle: every command stops. */
class NewerHistoryFormatRunnerIT {
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyCommandThatReadsTheHistoryExitsThreeAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, INTERLEAVED, "up", "--target", "20250102000000");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter table huddle_schema_history add column module text");
        }
        List<String> history = HistoryRows.rows(database);
        Set<String> tables = HistoryRows.tables(database);

        for (String command : List.of("status", "validate", "up", "repair", "down")) {
            Run run = run(database, INTERLEAVED, command);

            assertThat(run.code()).as(command + ": " + run.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
            assertThat(run.err()).as(command).startsWith("error: huddle_schema_history has columns this Huddle does not know (module)")
                    .contains("a newer Huddle wrote it");
        }
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
        assertThat(HistoryRows.tables(database)).isEqualTo(tables).doesNotContain("beta_tags");
        assertThat(HistoryRows.columns(database, "alpha_items")).doesNotContain("note");
    }
}
