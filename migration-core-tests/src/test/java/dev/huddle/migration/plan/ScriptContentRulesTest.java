package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MalformedScriptException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The content rules on one script, as planning applies them to a module of Huddle's own. */
class ScriptContentRulesTest {
    private static final String MARKED = "-- huddle:no-transaction the script manages its own transactions\n";
    private final ScriptContentRules rules = new ScriptContentRules(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"begin;", "BEGIN ISOLATION LEVEL SERIALIZABLE;", "start transaction;", "commit;", "COMMIT AND CHAIN;",
            "end;", "rollback;", "abort;", "prepare transaction 'x';", "commit prepared 'x';", "rollback prepared 'x';"})
    void refusesTransactionControlInAPostgresScript(String statement) {
        assertThat(problems(Dialect.POSTGRESQL, "create table a (id int);\n" + statement + "\n")).singleElement().asString()
                .contains("V20250101000000__a.sql line 2 controls the transaction itself", "-- huddle:no-transaction <reason>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"begin;", "BEGIN DEFERRED;", "begin immediate transaction;", "BEGIN EXCLUSIVE;", "commit transaction;",
            "end;", "END TRANSACTION;", "rollback;", "rollback transaction;"})
    void refusesTransactionControlInASqliteScript(String statement) {
        assertThat(problems(Dialect.SQLITE, "create table a (id int);\n" + statement + "\n")).singleElement().asString()
                .contains("line 2 controls the transaction itself");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void allowsSavepointsInsideTheTransaction(Dialect dialect) {
        assertThat(problems(dialect, "savepoint s;\ninsert into a values (1);\nrollback to savepoint s;\nrollback transaction to s;\n"
                + "release savepoint s;\nrelease s;\n")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void acceptsTransactionControlInAScriptMarkedNoTransaction(Dialect dialect) {
        assertThat(problems(dialect, MARKED + "begin;\ninsert into a values (1);\ncommit;\n")).isEmpty();
    }

    @Test
    void namesEveryTransactionControlStatementAfterTheFirst() {
        assertThat(problems(Dialect.POSTGRESQL, "begin;\ninsert into a values (1);\ncommit;\nbegin;\nend;\n")).singleElement().asString()
                .contains("line 1 controls the transaction itself (begin) (and 3 more such statements)");
    }

    @Test
    void refusesCommitInsideDoBlock() {
        String sql = "do $$\ndeclare n int;\nbegin\n  for n in 1..3 loop\n    insert into a values (n);\n    commit;\n  end loop;\nend\n$$;\n";

        assertThat(problems(Dialect.POSTGRESQL, sql)).singleElement().asString()
                .contains("line 6 commits or rolls back inside a DO block", "-- huddle:no-transaction <reason>");
        assertThat(problems(Dialect.POSTGRESQL, MARKED + sql)).isEmpty();
    }

    @Test
    void refusesRollbackInADoBlocksExceptionHandler() {
        String sql = "do language plpgsql $body$ begin insert into a values (1); exception when others then rollback; end $body$;";

        assertThat(problems(Dialect.POSTGRESQL, sql)).singleElement().asString().contains("line 1 commits or rolls back inside a DO block");
    }

    @Test
    void allowsDoBlocksThatOnlyMentionCommitInStringsCommentsOrNames() {
        assertThat(problems(Dialect.POSTGRESQL, "do $$ begin\n  -- commit;\n  raise notice 'commit; rollback';\n"
                + "  update a set last_commit = now();\nend $$;\n")).isEmpty();
    }

    @Test
    void allowsACallButNotesThatAProcedureMayCommit() {
        ResolvedScript script = script(Dialect.POSTGRESQL, "call refresh_totals();\n");

        assertThat(rules.problemsOf(script)).isEmpty();
        assertThat(ScriptContentRules.notesOf(script)).singleElement().asString()
                .contains("line 1 calls a procedure", "invalid transaction termination", "rolled back whole");
    }

    @Test
    void givesTheProcedureAdviceOnceForManyCalls() {
        List<String> notes = new ArrayList<>();
        for (String procedure : List.of("refresh_totals", "refresh_counts", "refresh_ranks")) {
            notes.addAll(ScriptContentRules.notesOf(script(Dialect.POSTGRESQL, "call " + procedure + "();\n")));
        }

        List<String> once = ScriptContentRules.withAdviceOnce(notes);

        assertThat(String.join("\n", once)).containsOnlyOnce("invalid transaction termination");
        assertThat(once.get(0)).contains("refresh_totals", "invalid transaction termination");
        assertThat(once.subList(1, 3)).allSatisfy(note -> assertThat(note).contains("calls a procedure").endsWith("The same applies as above."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VACUUM;", "vacuum into 'backup.db';", "PRAGMA journal_mode = WAL;", "pragma main.journal_mode=delete;",
            "PRAGMA synchronous = OFF;", "PRAGMA wal_checkpoint(TRUNCATE);"})
    void refusesUnmarkedSqliteStatementsThatCannotRunInATransaction(String statement) {
        assertThat(problems(Dialect.SQLITE, "create table a (id int);\n" + statement + "\n")).singleElement().asString()
                .contains("line 2 cannot run inside a transaction", "-- huddle:no-transaction <reason>");
        assertThat(problems(Dialect.SQLITE, MARKED + statement)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRAGMA journal_mode;", "PRAGMA foreign_key_check;", "PRAGMA foreign_key_check(a);", "PRAGMA foreign_keys;",
            "PRAGMA user_version = 3;", "PRAGMA defer_foreign_keys = ON;"})
    void allowsSqlitePragmasThatWorkInATransaction(String statement) {
        assertThat(problems(Dialect.SQLITE, statement)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRAGMA foreign_keys = OFF;", "pragma foreign_keys=on;", "PRAGMA main.foreign_keys = 0;", "PRAGMA foreign_keys(1);",
            "PRAGMA \"foreign_keys\" = false;"})
    void refusesSqliteForeignKeysPragmaEvenInAMarkedScript(String statement) {
        assertThat(problems(Dialect.SQLITE, MARKED + "\n" + statement + "\n")).singleElement().asString()
                .contains("line 3 sets " + statement.substring(0, statement.length() - 1), "silently do nothing",
                        "turns enforcement off around a run that drops tables", "PRAGMA foreign_key_check", "Remove the line.");
    }

    @Test
    void acceptsTriggerBodiesWithBeginAndEndOnSqlite() {
        assertThat(problems(Dialect.SQLITE, "create trigger t after insert on a\nbegin\n  update a set n = case when new.n > 0 then 1 end;\n"
                + "end;\n")).isEmpty();
    }

    @Test
    void refusesUnmarkedPostgresStatementsThatCannotRunInATransaction() {
        for (String statement : List.of("create index concurrently i on a (x);", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON a (x);",
                "drop index concurrently i;", "reindex (verbose) index concurrently i;", "reindex database app;", "vacuum analyze a;",
                "create database other;", "alter system set work_mem = '64MB';", "discard all;", "cluster;")) {
            assertThat(problems(Dialect.POSTGRESQL, "\n" + statement)).as(statement).singleElement().asString()
                    .contains("line 2 cannot run inside a transaction");
        }
        assertThat(problems(Dialect.POSTGRESQL, "create index i on a (x);\ncluster a using i;\nreindex index i;")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesAByteOrderMarkAfterTheStartNamingItsLine(Dialect dialect) {
        assertThat(problems(dialect, "select 1;\n\nselect\uFEFF 2;")).singleElement().asString()
                .contains("line 3 holds a byte-order mark (U+FEFF) after the start");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void runsAScriptWithALeadingByteOrderMarkWithoutItKeepingItsChecksum(Dialect dialect) {
        ScriptText text = ScriptText.of("\uFEFFselect 1;\n");

        assertThat(rules.problemsOf(script(dialect, "\uFEFFselect 1;\n"))).isEmpty();
        assertThat(text.sql()).isEqualTo("select 1;\n");
        assertThat(text.source()).startsWith("\uFEFF");
        assertThat(text.checksum()).isEqualTo(Checksum.of("\uFEFFselect 1;\n")).isEqualTo(Checksum.of("select 1;\n"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesANulByteNamingItsLine(Dialect dialect) {
        assertThat(problems(dialect, "select 1;\nselect '\0';")).singleElement().asString()
                .contains("line 2 holds a NUL byte", "Save it as UTF-8 text");
    }

    @Test
    void refusesAScriptThatIsNotUtf8() {
        ResolvedScript script = new ResolvedScript("alpha", Dialect.POSTGRESQL, "20250101000000", "a", "V20250101000000__a.sql",
                "postgresql/V20250101000000__a.sql", ScriptText.lazy(() -> {
                    throw new MalformedScriptException("postgresql/V20250101000000__a.sql line 4 is not UTF-8 (byte 0xE9). Save the file as UTF-8.");
                }), null);

        assertThat(rules.problemsOf(script)).containsExactly(
                "alpha: postgresql/V20250101000000__a.sql line 4 is not UTF-8 (byte 0xE9). Save the file as UTF-8.");
    }

    @Test
    void acceptsCopyFromStdinWithItsData() {
        assertThat(problems(Dialect.POSTGRESQL, "create table a (x text);\ncopy a (x) from stdin;\none\n\\.\n")).isEmpty();
    }

    @Test
    void refusesPsqlMetaCommandsNamingTheFirstLine() {
        assertThat(problems(Dialect.POSTGRESQL, "select 1;\n\\connect other\n\\i more.sql\n")).singleElement().asString()
                .contains("line 2 is a psql meta-command (\\connect other), but Huddle sends SQL to the server directly (and 1 more such lines)");
    }

    @Test
    void refusesSqliteDotCommands() {
        assertThat(problems(Dialect.SQLITE, ".read other.sql\nselect 1;")).singleElement().asString()
                .contains("line 1 is a sqlite3 dot-command (.read other.sql)");
    }

    @Test
    void refusesAStringThatNeverCloses() {
        assertThat(problems(Dialect.POSTGRESQL, "insert into a values ('it's');\nselect 1;")).singleElement().asString()
                .contains("line 1 opens a string literal that never closes");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesAnEmptyScriptOfAModuleOfHuddlesOwn(Dialect dialect) {
        assertThat(problems(dialect, "-- nothing yet\n;\n")).singleElement().asString().contains("is empty. Write its change");
    }

    private List<String> problems(Dialect dialect, String sql) {
        return rules.problemsOf(script(dialect, sql));
    }

    private static ResolvedScript script(Dialect dialect, String sql) {
        return new ResolvedScript("alpha", dialect, "20250101000000", "a", "V20250101000000__a.sql",
                dialect.folderName() + "/V20250101000000__a.sql", ScriptText.of(sql), null);
    }
}
