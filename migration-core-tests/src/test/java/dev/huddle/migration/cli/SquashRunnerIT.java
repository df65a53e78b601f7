package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code squash}: a fresh database runs the baseline in place of the squashed migrations and ends with the same schema
 * and history rows as one that ran them; a database that has them upgrades and validates as before; rollback below the
 * squash point uses the originals' down scripts; what a baseline cannot stand for is refused with nothing written.
 */
class SquashRunnerIT {
    private static final String LAST_SQUASHED = "20250103000000";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void freshDatabaseRunsTheBaselineAndEndsLikeOneThatRanTheOriginals(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase original = TestDatabases.fresh(engine);
        assertThat(run(original, modules.toString(), "up").code()).isEqualTo(ExitCodes.OK);

        Run squash = run(original, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED);

        assertThat(squash.code()).as(squash.err()).isEqualTo(ExitCodes.OK);
        String dialect = Scenarios.dialectOf(engine).folderName();
        Path baseline = modules.resolve("shop/squashed/" + dialect + "/B" + LAST_SQUASHED + "__squashed_baseline.sql");
        assertThat(Files.readString(baseline)).contains("-- huddle:squashes 20250101000000 ", "-- huddle:squashes " + LAST_SQUASHED + " ",
                "CREATE TABLE customers", "idx_orders_customer_id", "trg_customers_touch", "big_orders");
        assertThat(Files.exists(modules.resolve("shop/squashed/postgresql"))).isEqualTo(engine == Engine.POSTGRESQL);

        TestDatabase squashed = TestDatabases.fresh(engine);
        Run dryRun = run(squashed, modules.toString(), "up", "--dry-run");
        assertThat(dryRun.out()).contains("Squashed baseline of module shop", "-- runs the squashed baseline shop/B" + LAST_SQUASHED
                + "__squashed_baseline.sql in place of 3 migrations: 20250101000000, 20250102000000, " + LAST_SQUASHED,
                "applied by the squashed baseline above").doesNotContain("ADD COLUMN note");
        Run up = run(squashed, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("B" + LAST_SQUASHED + "__squashed_baseline.sql runs in place of 3 migrations: 20250101000000, "
                        + "20250102000000, " + LAST_SQUASHED + "\n", "create customers (squashed baseline) ...", "create orders (in the squashed baseline) ...")
                .doesNotContain("add order status (");
        assertThat(schema(squashed, engine)).isEqualTo(schema(original, engine));
        assertThat(history(squashed)).isEqualTo(history(original));
        Run drift = run(squashed, modules.toString(), "drift");
        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.OK);
        Run status = run(squashed, modules.toString(), "status");
        assertThat(status.code()).as(status.out() + status.err()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void databaseThatRanTheOriginalsUpgradesAndValidatesAfterTheSquash(Engine engine) {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase existing = TestDatabases.fresh(engine);
        assertThat(run(existing, modules.toString(), "up", "--target", LAST_SQUASHED).code()).isEqualTo(ExitCodes.OK);
        assertThat(run(existing, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED).code()).isEqualTo(ExitCodes.OK);

        Run up = run(existing, modules.toString(), "up");
        Run drift = run(existing, modules.toString(), "drift");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(up.out()).contains("20250104000000").doesNotContain("squashed baseline");
        assertThat(drift.code()).as(drift.out() + drift.err()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void rollbackBelowTheSquashPointRunsTheOriginalsDownScripts(Engine engine) throws Exception {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase original = TestDatabases.fresh(engine);
        run(original, modules.toString(), "up");
        assertThat(run(original, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED).code()).isEqualTo(ExitCodes.OK);
        TestDatabase squashed = TestDatabases.fresh(engine);
        run(squashed, modules.toString(), "up");

        Run downSquashed = run(squashed, modules.toString(), "down", "--to", "20250101000000");
        Run downOriginal = run(original, modules.toString(), "down", "--to", "20250101000000");

        assertThat(downSquashed.code()).as(downSquashed.err()).isEqualTo(ExitCodes.OK);
        assertThat(downOriginal.code()).as(downOriginal.err()).isEqualTo(ExitCodes.OK);
        assertThat(schema(squashed, engine)).isEqualTo(schema(original, engine));
        assertThat(schema(squashed, engine).tables()).containsKey("customers").doesNotContainKeys("orders", "notes");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOriginalEditedAfterTheSquashLeavesTheBaselineUnusedAndValidateSaysSo(Engine engine) {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase database = TestDatabases.fresh(engine);
        assertThat(run(database, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED).code()).isEqualTo(ExitCodes.OK);
        Scenarios.writeInBothDialects(modules, "shop", "V20250103000000__add_order_note.sql", "ALTER TABLE orders ADD COLUMN note_text text;\n");

        Run validate = run(database, modules.toString(), "validate");
        Run dryRun = run(database, modules.toString(), "up", "--dry-run");
        Run up = run(database, modules.toString(), "up");

        assertThat(validate.out()).contains("the squashed baseline of shop on " + Scenarios.dialectOf(engine).folderName()
                + " no longer stands for " + LAST_SQUASHED + " (edited)");
        assertThat(dryRun.out()).doesNotContain("Squashed baseline").contains("note_text");
        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesWhatABaselineCannotStandForAndWritesNothing(Engine engine) {
        Path modules = Scenarios.copy("squash", temp);
        TestDatabase database = TestDatabases.fresh(engine);
        Scenarios.writeInBothDialects(modules, "shop", "V20250102120000__first_customer.sql",
                "INSERT INTO customers (email) VALUES ('first@example.com');\n");

        Run rows = run(database, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED);
        Run unknownModule = run(database, modules.toString(), "squash", "--module", "shopp", "--to", LAST_SQUASHED);
        Run notItsVersion = run(database, modules.toString(), "squash", "--module", "shop", "--to", "20250101120000");
        Scenarios.writeInBothDialects(modules, "shop", "V20250102120000__first_customer.sql",
                "-- huddle:no-transaction built while the table is in use\nCREATE INDEX idx_customers_tier ON customers (tier);\n");
        Run noTransaction = run(database, modules.toString(), "squash", "--module", "shop", "--to", LAST_SQUASHED);

        assertThat(rows.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(rows.err()).contains("leave rows in customers (1 row)", "Squash to a version before");
        assertThat(unknownModule.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notItsVersion.code()).as(notItsVersion.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTransaction.code()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(noTransaction.err()).contains("V20250102120000__first_customer.sql runs outside a transaction");
        assertThat(Files.exists(modules.resolve("shop/squashed"))).isFalse();
    }

    private static SchemaModel schema(TestDatabase database, Engine engine) throws Exception {
        Dialect dialect = Scenarios.dialectOf(engine);
        try (Connection connection = database.connect()) {
            return SchemaReader.of(dialect).read(connection).withoutTables(Set.of("huddle_schema_history"));
        }
    }

    /** Each row's version, script and checksum: what validation compares. */
    private static List<String> history(TestDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version, script, checksum, success from huddle_schema_history order by version")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getString(3) + " " + result.getString(4));
            }
        }
        return rows;
    }
}
