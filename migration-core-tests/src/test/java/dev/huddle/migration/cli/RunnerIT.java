package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The manual runner end to end: arguments in, exit code and output out, against a real database. */
class RunnerIT {
    private static final String INTERLEAVED = Interleaved.path().toString();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upAppliesEveryPendingMigrationAndListsThem(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, INTERLEAVED, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        List<String> listed = new ArrayList<>();
        Interleaved.MIGRATIONS.forEach(m -> listed.addAll(List.of("applying " + m.module(), m.version(), m.description())));
        listed.addAll(List.of("committed 4 migrations", "Applied 4 migrations."));
        assertThat(up.out()).containsSubsequence(listed);
        assertThat(up.err()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upTwiceHasNothingToApply(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, INTERLEAVED, "up");

        Run again = run(database, INTERLEAVED, "up");

        assertThat(again.code()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Nothing to apply").doesNotContain("applied ");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upStopsAtTheTarget(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, INTERLEAVED, "up", "--target", "20250102000000");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 2 migrations.");
        assertThat(HistoryRows.scripts(database)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusJsonDescribesEveryMigration(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.path("excluded").toString();
        run(database, modules, "up");

        Run status = run(database, modules, "status", "--json");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(status.out());
        assertThat(root.path("dialect").asText()).isEqualTo(Scenarios.dialectOf(engine).folderName());
        assertThat(root.path("database").asText()).isNotEmpty();
        JsonNode migrations = root.path("migrations");
        assertThat(migrations.isArray()).isTrue();
        assertThat(migrations).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.path("module").asText()).isEqualTo("alpha");
            assertThat(entry.path("version").isTextual()).as("version is a string").isTrue();
            assertThat(entry.path("description").isTextual()).isTrue();
            assertThat(entry.path("script").asText()).startsWith("alpha/V");
        });
        JsonNode applied = migrations.get(0);
        assertThat(applied.path("version").asText()).isEqualTo("20250101000000");
        assertThat(applied.path("description").asText()).isEqualTo("create alpha items");
        assertThat(applied.path("state").asText()).isEqualTo("applied");
        assertThat(applied.path("installedOn").isTextual()).isTrue();
        assertThat(applied.path("executionTimeMs").isNumber()).isTrue();
        assertThat(applied.has("note")).isFalse();
        JsonNode excluded = migrations.get(1);
        assertThat(excluded.path("version").asText()).isEqualTo("20250102000000");
        assertThat(excluded.path("state").asText()).isEqualTo("excluded");
        assertThat(excluded.path("note").asText()).isEqualTo("Run by hand during the January outage");
        assertThat(excluded.path("installedOn").isNull()).isTrue();
        assertThat(root.path("inMemoryTables").get(0).path("module").asText()).isEqualTo("alpha");
        assertThat(root.path("inMemoryTables").get(0).path("table").asText()).isEqualTo("alpha_presence");
        assertThat(root.path("summary").path("applied").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("excluded").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("pending").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusJsonListsPendingMigrationsOfTheSelectedModules(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run status = run(database, INTERLEAVED, "--modules", "beta", "status", "--json");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        JsonNode migrations = new ObjectMapper().readTree(status.out()).path("migrations");
        List<String> lines = new ArrayList<>();
        migrations.forEach(m -> lines.add(m.path("module").asText() + " " + m.path("version").asText() + " " + m.path("state").asText()));
        assertThat(lines).containsExactly("beta 20250102000000 pending", "beta 20250104000000 pending");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void statusPrintsATable(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, INTERLEAVED, "up", "--target", "20250101000000");

        Run status = run(database, INTERLEAVED, "status");

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("MODULE", "VERSION", "STATE").containsSubsequence(
                "alpha", "20250101000000", "applied", "beta", "20250102000000", "pending")
                .contains("1 applied, 3 pending, 0 excluded");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateExitsZeroWhenScriptsAndHistoryAgree(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        run(database, INTERLEAVED, "up", "--target", "20250102000000");

        Run validate = run(database, INTERLEAVED, "validate");

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).contains("Valid: scripts and history agree; 2 pending.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void validateAndUpExitThreeWhenAnAppliedScriptWasEdited(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        run(database, modules.toString(), "up");
        Path script = Scenarios.script(modules, "beta", Scenarios.dialectOf(engine), "V20250102000000__create_beta_items.sql");
        Scenarios.write(script, Scenarios.read(script).replace("label", "title"));

        Run validate = run(database, modules.toString(), "validate");
        Run up = run(database, modules.toString(), "up");

        assertThat(validate.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err()).contains("Validation failed, 1 problem:", "Module beta", "V20250102000000__create_beta_items.sql");
        assertThat(up.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("nothing was changed", "V20250102000000__create_beta_items.sql");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upExitsOneWhenAScriptFails(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, Scenarios.path("failing-script").toString(), "up");

        assertThat(up.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(up.err()).startsWith("error: Migration alpha/V20250102000000__create_alpha_tags.sql failed").contains("all rolled back");
        assertThat(HistoryRows.tables(database)).isEmpty();

        Run perMigration = run(database, Scenarios.path("failing-script").toString(), "--transaction-per-migration", "up");

        assertThat(perMigration.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(HistoryRows.scripts(database)).containsExactly("alpha/V20250101000000__create_alpha_items.sql");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSyntaxErrorNamesTheModuleTheFileTheLineAndTheStatement(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, Scenarios.path("failing-script").toString(), "up");

        assertThat(up.code()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(up.err()).startsWith("error: Migration alpha/V20250102000000__create_alpha_tags.sql failed at line 2: ")
                .contains("tabel", "Statement: create tabel alpha_broken (id integer)");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownCommandIsAUsageError(Engine engine) {
        Run run = run(TestDatabases.fresh(engine), INTERLEAVED, "migrate");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("migrate");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingCommandIsAUsageError(Engine engine) {
        Run run = run(TestDatabases.fresh(engine), INTERLEAVED);

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownOptionIsAUsageError(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run run = run(database, INTERLEAVED, "up", "--no-such-option");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--no-such-option");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unusableUrlIsAUsageErrorThatHidesThePassword(Engine engine) {
        Run scheme = run("mysql://x", INTERLEAVED, "up");
        Run incomplete = switch (engine) {
            case POSTGRESQL -> run("postgresql://u:topsecret@localhost:5432", INTERLEAVED, "up");
            case SQLITE -> run("jdbc:sqlite:", INTERLEAVED, "up");
        };

        assertThat(scheme.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(scheme.err()).contains("mysql://x", "its scheme is not supported");
        assertThat(incomplete.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(incomplete.err()).contains(engine == Engine.POSTGRESQL ? "it names no database" : "it names no file")
                .doesNotContain("topsecret");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownModuleIsAUsageError(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run run = run(database, INTERLEAVED, "--modules", "alpha,gamma", "up");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown module gamma", "Known modules: alpha, beta");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unknownTargetIsAUsageError(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run run = run(database, INTERLEAVED, "up", "--target", "20250101000001");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--target 20250101000001");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void missingModulesDirectoryIsAUsageError(Engine engine) {
        Run run = run(TestDatabases.fresh(engine), temp.resolve("absent").toString(), "status");

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("absent");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusedPlanExitsThreeForEveryCommand(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.path("malformed-name").toString();

        for (String command : List.of("up", "status", "validate")) {
            Run run = run(database, modules, command);

            assertThat(run.code()).as(command).isEqualTo(ExitCodes.VALIDATION_REFUSED);
            assertThat(run.err()).as(command).contains("Migration plan refused", "V2025_01_02__add_alpha_note.sql");
        }
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unreachableDatabaseExitsFourWithoutShowingThePassword(Engine engine) throws Exception {
        String url = switch (engine) {
            case POSTGRESQL -> "postgresql://u:topsecret@127.0.0.1:1/db";
            // A folder where the database file should be: SQLite cannot open it.
            case SQLITE -> "jdbc:sqlite:" + Files.createDirectories(temp.resolve("a-folder.db"));
        };

        for (String command : List.of("up", "status", "validate")) {
            Run run = run(url, INTERLEAVED, command);

            assertThat(run.code()).as(command + ": " + run.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
            assertThat(run.err()).as(command).startsWith("error: Cannot connect to");
            assertThat(run.out() + run.err()).as(command).doesNotContain("topsecret");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unreachableDatabaseFromTheEnvironmentExitsFourWithoutShowingThePassword(Engine engine) {
        Map<String, String> environment = switch (engine) {
            case POSTGRESQL -> Map.of("POSTGRES_HOST", "127.0.0.1", "POSTGRES_PORT", "1", "POSTGRES_PASSWORD", "topsecret");
            case SQLITE -> Map.of("DATABASE_URL", "jdbc:sqlite:" + temp);
        };

        Run run = run(environment, "--modules-dir", INTERLEAVED, "status");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(run.out() + run.err()).doesNotContain("topsecret");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void databaseThatIsNotThereAndCannotBeCreatedExitsFour(Engine engine) throws Exception {
        String url;
        String named;
        if (engine == Engine.POSTGRESQL) {
            // The server is up, but the database was never created.
            String existing = TestDatabases.fresh(engine).url();
            url = existing.substring(0, existing.lastIndexOf('/') + 1).replace("postgres@", "postgres:topsecret@") + "no_such_database";
            named = "no_such_database";
        } else {
            // The file's folder would have to be created where a regular file already is.
            Path regularFile = Files.writeString(temp.resolve("not-a-folder"), "x");
            url = "jdbc:sqlite:" + regularFile.resolve("huddle.db");
            named = regularFile.toString();
        }

        Run run = run(url, INTERLEAVED, "status");

        assertThat(run.err()).startsWith("error: ").contains(named);
        assertThat(run.out() + run.err()).doesNotContain("topsecret");
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
    }
}
