package dev.huddle.migration.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code HUDDLE_LOG_FORMAT=json}: each migration applied, reverted or failed is one JSON line on standard error. */
class JsonLogRunnerIT {
    private static final Map<String, String> JSON_LOGS = Map.of("HUDDLE_LOG_FORMAT", "json");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void logsOneJsonLinePerMigrationAppliedRevertedOrFailed(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = runner(database, modules, "up");
        Run down = runner(database, modules, "down");
        Scenarios.writeInBothDialects(modules, "shop", "V20250105000000__broken.sql", "ALTER TABLE no_such_table ADD COLUMN x text;\n");
        Run failed = runner(database, modules, "up");
        Run textLogs = Run.run(Map.of(), "--url", database.url(), "--modules-dir", modules.toString(), "status");

        List<Map<String, Object>> applied = jsonLines(up.err());
        assertThat(applied).hasSize(5);
        assertThat(applied.get(0)).containsEntry("event", "migration").containsEntry("module", "shop").containsEntry("version", "20250101000000")
                .containsEntry("description", "create customers").containsEntry("direction", "up").containsEntry("outcome", "applied")
                .containsKey("durationMs");
        assertThat(jsonLines(down.err())).singleElement().satisfies(line -> assertThat(line).containsEntry("version", "20250104000000")
                .containsEntry("direction", "down").containsEntry("outcome", "reverted"));
        assertThat(failed.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(jsonLines(failed.err())).last().satisfies(line -> assertThat(line).containsEntry("version", "20250105000000")
                .containsEntry("outcome", "failed"));
        assertThat(up.out()).contains("applying shop").doesNotContain("{");
        assertThat(textLogs.err()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void linesOfMigrationsASquashedBaselineAppliedNameTheBaseline(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash", temp);
        assertThat(Run.run(TestDatabases.fresh(engine), modules.toString(), "squash", "--module", "shop", "--to", "20250103000000").code())
                .isEqualTo(ExitCodes.OK);

        Run up = runner(TestDatabases.fresh(engine), modules, "up");

        List<Map<String, Object>> lines = jsonLines(up.err());
        assertThat(lines).filteredOn(line -> "squashed-baseline".equals(line.get("event"))).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("module", "shop").containsEntry("baseline", "B20250103000000__squashed_baseline.sql")
                .containsEntry("versions", List.of("20250101000000", "20250102000000", "20250103000000")));
        assertThat(lines).filteredOn(line -> "migration".equals(line.get("event")) && "shop".equals(line.get("module")))
                .extracting(line -> line.get("version") + " " + line.get("baseline"))
                .containsExactly("20250101000000 B20250103000000__squashed_baseline.sql", "20250102000000 B20250103000000__squashed_baseline.sql",
                        "20250103000000 B20250103000000__squashed_baseline.sql", "20250104000000 null");
    }

    private static Run runner(TestDatabase database, Path modules, String command) {
        return Run.run(JSON_LOGS, "--url", database.url(), "--modules-dir", modules.toString(), command);
    }

    /** Every line of the text that is a JSON object, parsed; fails the test on a line that looks like one and is not. */
    private static List<Map<String, Object>> jsonLines(String text) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(new ObjectMapper().readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return lines;
    }
}
