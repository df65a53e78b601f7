package dev.huddle.migration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts marked {@code -- huddle:no-transaction} run without a transaction. PostgreSQL only: it is the dialect with
 * statements that refuse to run inside one (CREATE INDEX CONCURRENTLY).
 */
// Not a timing assertion: a guard, because an executor that keeps a transaction open on another connection makes
// CREATE INDEX CONCURRENTLY wait for it forever (Flyway's executor did).
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresNoTransactionRunnerIT {
    private static final String CREATE = "alpha/V20250101000000__create_alpha_items.sql";
    private static final String INDEX = "alpha/V20250102000000__index_alpha_names.sql";

    @TempDir
    Path temp;

    @Test
    void appliesAMarkedConcurrentIndexBuild() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        String modules = Scenarios.path("no-transaction").toString();

        Run up = run(database, modules, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("Applied 2 migrations.");
        assertThat(HistoryRows.scripts(database)).containsExactly(CREATE, INDEX);
        assertThat(indexValidity(database)).isEqualTo("valid");
        assertThat(run(database, modules, "validate").code()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aMarkedScriptThatFailsMidwayIsRecordedAsFailedUntilRepaired() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);
        Path modules = Scenarios.copy("no-transaction-failing", temp);

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(up.err()).startsWith("error: Migration " + INDEX + " failed at line 4: ")
                .contains("alpha_missing", "Statement: insert into alpha_missing",
                        "statements before line 4 stayed applied and it is recorded as failed", "'repair --remove-failed 20250102000000'")
                .doesNotContain("rolled back");
        // A migration that failed outside a transaction is recorded as a failed row (as Flyway does); the index stays.
        assertThat(HistoryRows.scripts(database)).containsExactly(CREATE, INDEX + " (failed)");
        assertThat(indexValidity(database)).isEqualTo("valid");
        assertThat(states(database, modules)).containsExactly("20250101000000 applied", "20250102000000 failed");

        Run validate = run(database, modules.toString(), "validate");
        Run blocked = run(database, modules.toString(), "up");

        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(validate.err()).contains(INDEX, "failed midway outside a transaction", "DROP INDEX CONCURRENTLY",
                "'repair --remove-failed 20250102000000'");
        assertThat(blocked.code()).as(blocked.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(HistoryRows.scripts(database)).containsExactly(CREATE, INDEX + " (failed)");

        // What a person does: undo what the failed script left, remove its row, fix the script, run up again.
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop index concurrently alpha_items_name");
        }
        Run repair = run(database, modules.toString(), "repair", "--remove-failed", "20250102000000");
        assertThat(repair.code()).as(repair.err()).isEqualTo(ExitCodes.OK);
        assertThat(repair.out()).contains("repaired: removed the failed row of " + INDEX);
        Path script = Scenarios.script(modules, "alpha", Dialect.POSTGRESQL, "V20250102000000__index_alpha_names.sql");
        Scenarios.write(script, Scenarios.read(script).replace("alpha_missing", "alpha_items"));

        Run again = run(database, modules.toString(), "up");

        assertThat(again.code()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains("Applied 1 migration.");
        assertThat(HistoryRows.scripts(database)).containsExactly(CREATE, INDEX);
        assertThat(indexValidity(database)).isEqualTo("valid");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "select count(*) from alpha_items")).isEqualTo(1);
        }
        assertThat(run(database, modules.toString(), "validate").code()).isEqualTo(ExitCodes.OK);
    }

    /** Whether the index alpha_items_name is usable: {@code valid}, {@code invalid}, or {@code absent}. */
    private static String indexValidity(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            return Queries.text(statement, "select coalesce((select case when i.indisvalid then 'valid' else 'invalid' end"
                    + " from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'alpha_items_name'), 'absent')");
        }
    }

    private static List<String> states(TestDatabase database, Path modules) throws Exception {
        Run status = run(database, modules.toString(), "status", "--json");
        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.OK);
        List<String> states = new ArrayList<>();
        JsonNode migrations = new ObjectMapper().readTree(status.out()).path("migrations");
        migrations.forEach(m -> states.add(m.path("version").asText() + " " + m.path("state").asText()));
        return states;
    }
}
