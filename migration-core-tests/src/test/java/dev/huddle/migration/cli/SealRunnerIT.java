package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code seal} records shipped scripts; from then on every command refuses them edited or deleted. */
class SealRunnerIT {
    private static final String EDITED = "V20250103000000__add_alpha_note.sql";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyCommandRefusesASealedScriptThatWasEditedOrDeleted(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);

        Run seal = run(database, modules.toString(), "seal");

        assertThat(seal.code()).as(seal.err()).isEqualTo(ExitCodes.OK);
        assertThat(seal.out()).contains("sealed alpha/postgresql/V20250101000000__create_alpha_items.sql",
                "sealed beta/sqlite/V20250104000000__create_beta_tags.sql", "Sealed 8 scripts.");
        assertThat(modules.resolve("alpha/integrity.manifest")).isRegularFile();
        assertThat(run(database, modules.toString(), "seal").out()).contains("Nothing new to seal.");
        assertThat(run(database, modules.toString(), "up", "--target", "20250102000000").code()).isEqualTo(ExitCodes.OK);
        List<String> history = HistoryRows.rows(database);
        String manifest = Scenarios.read(modules.resolve("alpha/integrity.manifest"));
        Path edited = Scenarios.script(modules, "alpha", Scenarios.dialectOf(engine), EDITED);
        Scenarios.write(edited, Scenarios.read(edited) + "-- and a last touch\n");
        Files.delete(Scenarios.script(modules, "beta", Dialect.SQLITE, "V20250104000000__create_beta_tags.sql"));

        for (String command : List.of("up", "status", "validate", "seal")) {
            Run run = run(database, modules.toString(), command);

            assertThat(run.code()).as(command + ": " + run.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
            assertThat(run.err()).as(command).contains(
                    "alpha: " + Scenarios.dialectOf(engine).folderName() + "/" + EDITED + " was edited after it shipped",
                    "beta: sqlite/V20250104000000__create_beta_tags.sql shipped (it is in integrity.manifest) but the file is gone");
        }
        assertThat(HistoryRows.rows(database)).isEqualTo(history);
        assertThat(Scenarios.read(modules.resolve("alpha/integrity.manifest"))).as("seal changed nothing").isEqualTo(manifest);
    }
}
