package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --tenants FILE}: one command for every tenant, a result line each, resumable, exit code the worst. */
class TenantsRunnerIT {
    private static final String MODULES = Scenarios.path("interleaved").toString();

    @TempDir
    Path temp;

    @Test
    void migratesTwentyPostgresSchemasEachWithItsOwnHistory() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        List<String> schemas = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("tenant_%02d", i)).toList();
        Path tenants = Files.writeString(temp.resolve("tenants.txt"), "# one schema per customer\n" + String.join("\n", schemas) + "\n");

        Run up = run(Map.of(), "--url", database.url(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "--parallel", "8", "up");
        Run status = run(Map.of(), "--url", database.url(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "status");

        assertThat(up.code()).as(up.out() + up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out().lines().filter(line -> line.matches("tenant tenant_\\d\\d: exit 0 - Applied 4 migrations.*"))).hasSize(20);
        assertThat(status.code()).as(status.out()).isEqualTo(ExitCodes.OK);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + schema + ".huddle_schema_history")) {
                    rows.next();
                    assertThat(rows.getInt(1)).as(schema).isEqualTo(4);
                }
                try (ResultSet tables = statement.executeQuery("select count(*) from pg_tables where schemaname = '" + schema + "'"
                        + " and tablename = 'beta_tags'")) {
                    tables.next();
                    assertThat(tables.getInt(1)).as("the scripts ran in " + schema).isEqualTo(1);
                }
            }
        }
        assertThat(Files.exists(temp.resolve("tenants.txt.up.done"))).as("every tenant succeeded, so nothing is left to resume").isFalse();
    }

    @Test
    void fiveSqliteFilesResumeAfterOneFailsAndTheExitCodeIsTheWorst() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            files.add(temp.resolve("tenant" + i + ".db"));
        }
        Files.createDirectories(files.get(4));
        Path tenants = Files.writeString(temp.resolve("tenants.txt"),
                String.join("\n", files.stream().map(file -> "jdbc:sqlite:" + file).toList()) + "\n");

        Run failed = run(Map.of(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "--parallel", "1", "up");

        assertThat(failed.code()).as(failed.out()).isGreaterThan(ExitCodes.OK);
        assertThat(failed.out().lines().filter(line -> line.contains(": exit 0 - Applied 4 migrations."))).hasSize(4);
        assertThat(failed.out()).contains("tenant jdbc:sqlite:" + files.get(4) + ": exit " + failed.code());
        assertThat(Files.readAllLines(temp.resolve("tenants.txt.up.done"))).hasSize(4);

        Files.delete(files.get(4));
        Run resumed = run(Map.of(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "up");

        assertThat(resumed.code()).as(resumed.out()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.out().lines().filter(line -> line.contains("skipped, done in an earlier run"))).hasSize(4);
        assertThat(resumed.out()).contains("tenant jdbc:sqlite:" + files.get(4) + ": exit 0 - Applied 4 migrations.");
        assertThat(Files.exists(temp.resolve("tenants.txt.up.done"))).isFalse();
    }

    @Test
    void parallelIsAWholeNumberInRangeAndOnlyWithTenants() throws Exception {
        Path tenants = Files.writeString(temp.resolve("tenants.txt"), "jdbc:sqlite:" + temp.resolve("one.db") + "\n");

        Run zero = run(Map.of(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "--parallel", "0", "up");
        Run word = run(Map.of(), "--modules-dir", MODULES, "--tenants", tenants.toString(), "--parallel", "many", "up");
        Run alone = run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("two.db"), "--modules-dir", MODULES, "--parallel", "2", "up");

        assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--parallel 0 is not a number of tenants", "from 1 to " + TenantRunner.MAX_PARALLELISM);
        assertThat(word.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("--parallel applies only with --tenants");
        assertThat(Files.exists(temp.resolve("one.db"))).isFalse();
        assertThat(Files.exists(temp.resolve("two.db"))).isFalse();
    }
}
