package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A migration merged late, older than the newest applied one, runs only when its script allows it with a reason. */
class OutOfOrderRunnerIT {
    private static final String LATE = "V20250102120000__create_alpha_tags.sql";
    private static final String LATE_SQL = "create table alpha_tags (id integer primary key);\n";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upAppliesALateMigrationAllowedOutOfOrderAndStatusShowsWhy(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        run(database, modules.toString(), "up");
        Scenarios.writeInBothDialects(modules, "alpha", LATE, "-- huddle:out-of-order merged late from branch x\n" + LATE_SQL);

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("20250102120000", "Applied 1 migration.");
        assertThat(HistoryRows.scripts(database)).last().isEqualTo("alpha/" + LATE);
        assertThat(HistoryRows.tables(database)).contains("alpha_tags");
        Run status = run(database, modules.toString(), "status", "--json");
        JsonNode late = migration(status, "20250102120000");
        assertThat(late.path("state").asText()).isEqualTo("out_of_order");
        assertThat(late.path("note").asText()).isEqualTo("allowed out of order: merged late from branch x");
        assertThat(run(database, modules.toString(), "status").out())
                .contains("alpha/" + LATE + ": allowed out of order: merged late from branch x", "1 out of order");
        assertThat(run(database, modules.toString(), "validate").code()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upRefusesALateMigrationWithoutTheMarker(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        run(database, modules.toString(), "up");
        List<String> history = HistoryRows.rows(database);
        Scenarios.writeInBothDialects(modules, "alpha", LATE, LATE_SQL);

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains(LATE, "older than the newest applied migration (20250104000000)", "-- huddle:out-of-order <reason>");
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
        assertThat(HistoryRows.tables(database)).doesNotContain("alpha_tags");
    }

    private static JsonNode migration(Run status, String version) throws Exception {
        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        for (JsonNode migration : new ObjectMapper().readTree(status.out()).path("migrations")) {
            if (migration.path("version").asText().equals(version)) {
                return migration;
            }
        }
        throw new AssertionError("status lists no version " + version + ":\n" + status.out());
    }
}
