package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.plan.Checksum;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts written for psql or sqlite3 rather than for Huddle, end to end through the runner: refused before anything
 * runs (exit 3, file, line and fix named), or, for what a client merely tolerates (a leading byte-order mark, a no-op
 * script in a history written elsewhere), applied as such.
 */
class ScriptRefusalRunnerIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAScriptThatCommitsOnItsOwn(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);

        Run up = run(database, Scenarios.path("transaction-control").toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("Migration plan refused", "V20250102000000__backfill_alpha_items.sql line "
                        + (engine == Engine.POSTGRESQL ? "3" : "2") + " controls the transaction itself",
                "'-- huddle:no-transaction <reason>'");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @Test
    void refusesPsqlMetaCommandsAndCommitsInsideADoBlock() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.POSTGRESQL);

        Run up = run(database, Scenarios.path("psql-habits").toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("Migration plan refused, 2 problems",
                "V20250102000000__load_alpha_items.sql line 2 is a psql meta-command (\\set ON_ERROR_STOP on), but Huddle sends "
                        + "SQL to the server directly",
                "V20250103000000__batch_alpha_items.sql line 5 commits or rolls back inside a DO block");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @Test
    void refusesSqliteForeignKeyPragmasAndVacuumInATransaction() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);

        Run up = run(database, Scenarios.path("sqlite-pragmas").toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("Migration plan refused, 2 problems",
                        "V20250102000000__rebuild_alpha_items.sql line 2 sets PRAGMA foreign_keys = OFF",
                        "(and 1 more such statements)", "would silently do nothing", "Remove the line.",
                        "V20250102000000__rebuild_alpha_items.sql line 9 cannot run inside a transaction (VACUUM)");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void runsAScriptThatStartsWithAByteOrderMarkAndRecordsFlywaysChecksum(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.path("byte-order-mark");
        String script = Scenarios.read(Scenarios.script(modules, "alpha", Scenarios.dialectOf(engine), "V20250101000000__create_alpha_items.sql"));

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(HistoryRows.tables(database)).contains("alpha_items");
        assertThat(script).startsWith("\uFEFF");
        assertThat(HistoryRows.rows(database)).singleElement().asString()
                .contains(" " + Checksum.of(script) + " ").contains(" " + Checksum.of(script.substring(1)) + " ");
        assertThat(run(database, modules.toString(), "validate").code()).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAByteOrderMarkAfterTheStartNamingItsLine(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("interleaved", temp);
        Scenarios.writeInBothDialects(modules, "alpha", "V20250105000000__add_alpha_rank.sql",
                "alter table alpha_items add column rank integer;\n\uFEFFalter table alpha_items add column score integer;\n");

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("V20250105000000__add_alpha_rank.sql line 2 holds a byte-order mark (U+FEFF) after the start");
        assertThat(HistoryRows.scripts(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesAnUpOrDownScriptThatIsNotUtf8NamingItsLine(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Path modules = Scenarios.copy("reversible", temp);
        Dialect dialect = Scenarios.dialectOf(engine);
        Files.write(Scenarios.script(modules, "alpha", dialect, "V20250105000000__create_alpha_tags.sql"),
                "create table alpha_tags (id integer);\n-- Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        Run up = run(database, modules.toString(), "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(up.err()).contains("V20250105000000__create_alpha_tags.sql line 2 is not UTF-8 (byte 0xE9", "Save the file as UTF-8");
        assertThat(HistoryRows.scripts(database)).isEmpty();

        Path good = Scenarios.copy("reversible", temp.resolve("good"));
        assertThat(run(database, good.toString(), "up").code()).isEqualTo(ExitCodes.OK);
        Files.write(Scenarios.downScript(good, "alpha", dialect, "U20250105000000__create_alpha_tags.sql"),
                "drop table alpha_tags;\n-- \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Run down = run(database, good.toString(), "down");
        assertThat(down.code()).as(down.err()).isEqualTo(ExitCodes.VALIDATION_REFUSED);
        assertThat(down.err()).contains("U20250105000000__create_alpha_tags.sql line 2 is not UTF-8");
        assertThat(HistoryRows.scripts(database)).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void appliesAnEmptyScriptOfAModulesDirHistoryAsANoOpAndNotesIt(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        String modules = Scenarios.path("no-op-history").toString();

        Run up = run(database, modules, "up");

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.OK);
        assertThat(HistoryRows.scripts(database)).containsExactly("alpha/V20250101000000__create_alpha_items.sql",
                "alpha/V20250102000000__add_alpha_colour.sql", "alpha/V20250103000000__add_alpha_note.sql");
        Run validate = run(database, modules, "validate");
        assertThat(validate.code()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).contains("note: alpha/V20250102000000__add_alpha_colour.sql is empty: it is applied as a no-op and recorded.");
    }
}
