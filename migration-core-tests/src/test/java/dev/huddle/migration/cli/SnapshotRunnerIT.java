package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code snapshot}: writes each module's schema beside its manifest, and {@code --check} refuses a stale one. */
class SnapshotRunnerIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void writesEachModulesSnapshotAndCheckRefusesOneAMigrationMadeStale(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("drift", temp);
        String dialect = Scenarios.dialectOf(engine).folderName();

        Run written = run(database, modules.toString(), "snapshot");
        Run again = run(database, modules.toString(), "snapshot", "--check");

        assertThat(written.code()).as(written.err()).isEqualTo(ExitCodes.OK);
        Path chat = modules.resolve("chat/snapshot/" + dialect + ".txt");
        assertThat(Files.readString(chat)).contains("# Schema of module chat on " + dialect + ", built by its migrations up to 20250102000000.",
                "table messages\n", "table rooms (of module rooms)\n  column topic ");
        assertThat(Files.readString(modules.resolve("rooms/snapshot/" + dialect + ".txt"))).contains("table rooms\n", "idx_rooms_name")
                .doesNotContain("topic");
        assertThat(Files.exists(modules.resolve("rooms/snapshot/postgresql.txt"))).isEqualTo(engine == Engine.POSTGRESQL);
        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Every snapshot matches");

        Scenarios.writeInBothDialects(modules, "chat", "V20250103000000__add_message_author.sql", "alter table messages add column author text;\n");
        Run stale = run(database, modules.toString(), "snapshot", "--check");

        assertThat(stale.code()).as(stale.out()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(stale.err()).contains("Stale or missing snapshots (run 'huddle-migrate snapshot'", chat.toString());
        assertThat(Files.readString(chat)).doesNotContain("author");
    }
}
