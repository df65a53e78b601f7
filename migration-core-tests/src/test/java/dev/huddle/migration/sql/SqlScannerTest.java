package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlScannerTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void splitsAtSemicolonsNamingEachStatementsLineOffsetsAndKeywords(Dialect dialect) {
        String sql = "-- header\ncreate table a (id integer);\n\n  insert into a values (1);insert into a\n  values (2);\n";

        ScannedScript scanned = SqlScanner.scan(dialect, sql);

        assertThat(scanned.statements()).extracting(ScriptStatement::line, ScriptStatement::sql).containsExactly(
                tuple(2, "create table a (id integer)"),
                tuple(4, "insert into a values (1)"),
                tuple(4, "insert into a\n  values (2)"));
        ScriptStatement second = scanned.statements().get(1);
        assertThat(sql.substring(second.start(), second.end())).isEqualTo(second.sql());
        assertThat(second.keywords()).containsExactly("INSERT", "INTO", "A", "VALUES");
        assertThat(second.startsWith("INSERT", "INTO")).isTrue();
        assertThat(second.keyword(7)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void seesRETURNINGOnlyInCode(Dialect dialect) {
        ScannedScript scanned = SqlScanner.scan(dialect, "insert into a values (1) Returning id;\n"
                + "insert into a values ('returning'); -- returning\n"
                + "insert into \"returning\" values (1) /* returning */;\n"
                + "update a set n = 2 returning *;\n");

        assertThat(scanned.statements()).extracting(ScriptStatement::mentionsReturning).containsExactly(true, false, false, true);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void keepsAStatementTheScriptEndsWithoutASemicolon(Dialect dialect) {
        assertThat(SqlScanner.scan(dialect, "select 1;\nselect 2\n-- trailing comment\n").statements())
                .extracting(ScriptStatement::line, ScriptStatement::sql)
                .containsExactly(tuple(1, "select 1"), tuple(2, "select 2"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void leavesOutEmptyStatementsAndCommentsBetweenStatements(Dialect dialect) {
        ScannedScript scanned = SqlScanner.scan(dialect, ";;\n-- only a comment;\n/* and; another */ ;\n");

        assertThat(scanned.isEmpty()).isTrue();
        assertThat(SqlScanner.scan(dialect, "").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void ignoresSemicolonsInCommentsStringsAndQuotedNames(Dialect dialect) {
        String sql = "insert into \"odd;name\" values ('a;b', 'it''s; fine') -- not; here\n;\n"
                + "select /* one; two */ 1;";

        assertThat(SqlScanner.scan(dialect, sql).statements()).extracting(ScriptStatement::sql).containsExactly(
                "insert into \"odd;name\" values ('a;b', 'it''s; fine')",
                "select /* one; two */ 1");
    }

    @Test
    void readsPostgresEscapeStringsWithBackslashes() {
        String sql = "insert into a values (E'it\\'s; \\\\'); insert into a values ('C:\\'); select 3;";

        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, sql).statements()).extracting(ScriptStatement::sql).containsExactly(
                "insert into a values (E'it\\'s; \\\\')",
                "insert into a values ('C:\\')",
                "select 3");
    }

    @Test
    void nestsBlockCommentsOnPostgresOnly() {
        String sql = "/* outer /* inner; */ still comment; */ select 1; select 2;";

        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, sql).statements()).extracting(ScriptStatement::sql)
                .containsExactly("select 1", "select 2");
        assertThat(SqlScanner.scan(Dialect.SQLITE, sql).statements()).extracting(ScriptStatement::sql)
                .containsExactly("still comment", "*/ select 1", "select 2");
    }

    @Test
    void keepsDollarQuotedBodiesWholeAndCountsTheirLines() {
        String sql = "create function f() returns trigger as $$\nbegin\n  perform 1;\n  return new;\nend;\n$$ language plpgsql;\n"
                + "do $body$ begin execute $q$select 1;$q$; end $body$;\n"
                + "select $1, a$b from t;\n";

        ScannedScript scanned = SqlScanner.scan(Dialect.POSTGRESQL, sql);

        assertThat(scanned.statements()).extracting(ScriptStatement::line, s -> s.keyword(0)).containsExactly(
                tuple(1, "CREATE"), tuple(7, "DO"), tuple(8, "SELECT"));
        assertThat(scanned.statements().get(0).sql()).endsWith("$$ language plpgsql");
    }

    @Test
    void keepsASqlStandardFunctionBodyWhole() {
        String sql = "create or replace function add_one(x int) returns int language sql\nbegin atomic\n"
                + "  select case when x is null then 0 else x end + 1;\n  select 2;\nend;\n"
                + "create procedure p() begin atomic insert into t values (1); end;\nselect 3;";

        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, sql).statements()).extracting(ScriptStatement::line, s -> s.keyword(0))
                .containsExactly(tuple(1, "CREATE"), tuple(6, "CREATE"), tuple(7, "SELECT"));
    }

    @Test
    void keepsASqliteTriggerBodyWholeWithCaseInside() {
        String sql = "create trigger items_touch after update on items\nbegin\n"
                + "  update items set n = case when new.n is null then 0 else new.n end where id = new.id;\n"
                + "  select case new.n when 1 then 'one' end;\nend;\n"
                + "create temp trigger t2 before delete on items begin delete from tags; end;\n"
                + "begin transaction;\ncommit;\n";

        List<ScriptStatement> statements = SqlScanner.scan(Dialect.SQLITE, sql).statements();

        assertThat(statements).extracting(ScriptStatement::line, ScriptStatement::keywords).containsExactly(
                tuple(1, List.of("CREATE", "TRIGGER", "ITEMS_TOUCH", "AFTER")),
                tuple(6, List.of("CREATE", "TEMP", "TRIGGER", "T2")),
                tuple(7, List.of("BEGIN", "TRANSACTION")),
                tuple(8, List.of("COMMIT")));
        assertThat(statements.get(0).sql()).endsWith("end where id = new.id;\n  select case new.n when 1 then 'one' end;\nend");
    }

    @Test
    void readsKeywordsInAnyAsciiCaseAndReusesThePreviousStatementsWords() {
        String sql = "Create Trigger a After Insert On items BeGiN select CaSe when 1 then 2 EnD; eNd;\n"
                + "insert into items values (1);\nINSERT INTO items values (2);\n";

        List<ScriptStatement> statements = SqlScanner.scan(Dialect.SQLITE, sql).statements();

        assertThat(statements).extracting(ScriptStatement::line, s -> s.keyword(0)).containsExactly(
                tuple(1, "CREATE"), tuple(2, "INSERT"), tuple(3, "INSERT"));
        assertThat(statements.get(2).keywords()).as("the same words, whatever their case, are the same strings")
                .isSameAs(statements.get(1).keywords());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void treatsBeginAndEndOutsideBodiesAsStatements(Dialect dialect) {
        assertThat(SqlScanner.scan(dialect, "begin;\nselect case when true then 1 end;\nend;").statements())
                .extracting(s -> s.keyword(0)).containsExactly("BEGIN", "SELECT", "END");
    }

    @Test
    void keepsSemicolonsInsideParenthesesOnPostgres() {
        String sql = "create rule r as on insert to a do also (insert into b values (1); insert into c values (2));\nselect 1;";

        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, sql).statements()).extracting(ScriptStatement::line).containsExactly(1, 2);
    }

    @Test
    void givesCopyFromStdinItsInlineData() {
        String sql = "create table t (a int, b text);\n"
                + "COPY t (a, b) FROM stdin;\n1\tone; two\n2\t'quoted\r\n\\.\n"
                + "select count(*) from t;\n";

        ScannedScript scanned = SqlScanner.scan(Dialect.POSTGRESQL, sql);

        assertThat(scanned.statements()).extracting(ScriptStatement::line, ScriptStatement::sql).containsExactly(
                tuple(1, "create table t (a int, b text)"),
                tuple(2, "COPY t (a, b) FROM stdin"),
                tuple(6, "select count(*) from t"));
        ScriptStatement.CopyData data = scanned.statements().get(1).copyData();
        assertThat(data.text()).isEqualTo("1\tone; two\n2\t'quoted\r\n");
        assertThat(data.line()).isEqualTo(3);
        assertThat(data.terminated()).isTrue();
        assertThat(scanned.statements().get(0).copyData()).isNull();
        assertThat(scanned.code()).doesNotContain("one", "quoted");
        assertThat(scanned.unterminated()).isEmpty();
    }

    @Test
    void reportsCopyDataThatNeverEnds() {
        ScannedScript scanned = SqlScanner.scan(Dialect.POSTGRESQL, "copy t from stdin;\n1\n2\n");

        assertThat(scanned.statements()).singleElement().satisfies(copy -> {
            assertThat(copy.copyData().terminated()).isFalse();
            assertThat(copy.copyData().text()).isEqualTo("1\n2\n");
        });
        assertThat(scanned.unterminated()).get().extracting(ScannedScript.Unterminated::line).isEqualTo(2);
    }

    @Test
    void findsPsqlMetaCommandsOutsideStatements() {
        ScannedScript scanned = SqlScanner.scan(Dialect.POSTGRESQL,
                "\\set ON_ERROR_STOP on\nselect '\\i not this';\n  \\connect other\nselect 1;\n");

        assertThat(scanned.clientCommands()).extracting(ScannedScript.ClientCommand::line, ScannedScript.ClientCommand::text)
                .containsExactly(tuple(1, "\\set ON_ERROR_STOP on"), tuple(3, "\\connect other"));
        assertThat(scanned.statements()).extracting(ScriptStatement::sql).containsExactly("select '\\i not this'", "select 1");
    }

    @Test
    void findsSqliteDotCommandsAtTheStartOfALine() {
        ScannedScript scanned = SqlScanner.scan(Dialect.SQLITE, ".headers on\nselect 1.5\n  .5;\n");

        assertThat(scanned.clientCommands()).extracting(ScannedScript.ClientCommand::line).containsExactly(1);
        assertThat(scanned.statements()).extracting(ScriptStatement::sql).containsExactly("select 1.5\n  .5");
    }

    @Test
    void readsSqliteBacktickAndBracketNames() {
        assertThat(SqlScanner.scan(Dialect.SQLITE, "create table [a;b] (`c;d` int);select 1;").statements())
                .extracting(ScriptStatement::sql).containsExactly("create table [a;b] (`c;d` int)", "select 1");
    }

    @Test
    void blanksCommentsAndStringsInTheCodeViewKeepingNewlinesAndNames() {
        String sql = "-- drop table x\ninsert into \"T\" values ('drop table y', E'\\'z');\n/* a\nb */ do $$ begin drop table w; -- c\nend $$;";

        ScannedScript scanned = SqlScanner.scan(Dialect.POSTGRESQL, sql);

        assertThat(scanned.code()).hasSameSizeAs(sql).doesNotContain("drop table x", "drop table y", "z", "$$", "-- c")
                .contains("insert into \"T\" values (", "drop table w;");
        assertThat(scanned.code().split("\n", -1)).hasSize(sql.split("\n", -1).length);
        assertThat(scanned.codeOf(scanned.statements().get(1))).startsWith("do").contains("begin drop table w;");
    }

    @Test
    void answersTheLineOfAnyOffset() {
        String sql = "a\nbb\n\nccc";
        ScannedScript scanned = SqlScanner.scan(Dialect.SQLITE, sql);

        assertThat(scanned.lineOf(0)).isEqualTo(1);
        assertThat(scanned.lineOf(1)).isEqualTo(1);
        assertThat(scanned.lineOf(2)).isEqualTo(2);
        assertThat(scanned.lineOf(5)).isEqualTo(3);
        assertThat(scanned.lineOf(sql.indexOf('c'))).isEqualTo(4);
    }

    @Test
    void skipsALeadingByteOrderMark() {
        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, "\uFEFFselect 1;").statements()).singleElement()
                .satisfies(statement -> assertThat(statement.sql()).isEqualTo("select 1"));
    }

    @Test
    void reportsEachKindOfUnterminatedConstructWithTheLineItOpensOn() {
        assertThat(unterminated(Dialect.POSTGRESQL, "select 1;\nselect 'open;\nselect 2;")).isEqualTo("2 string literal");
        assertThat(unterminated(Dialect.POSTGRESQL, "select 1;\n\nselect \"open")).isEqualTo("3 quoted name");
        assertThat(unterminated(Dialect.POSTGRESQL, "/* a /* b */ c")).isEqualTo("1 block comment");
        assertThat(unterminated(Dialect.POSTGRESQL, "select 1;\ndo $x$ begin end $y$;")).isEqualTo("2 dollar-quoted body $x$");
        assertThat(unterminated(Dialect.POSTGRESQL, "select (1;\nselect 2;")).isEqualTo("1 parenthesis");
        assertThat(unterminated(Dialect.SQLITE, "select 1;\ncreate trigger t after insert on a begin select 1;")).isEqualTo("2 BEGIN ... END block");
        assertThat(SqlScanner.scan(Dialect.SQLITE, "select 1; /* to the end").unterminated()).as("SQLite ends a comment at the end").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void keepsEverythingAfterAnUnterminatedStringInOneStatement(Dialect dialect) {
        ScannedScript scanned = SqlScanner.scan(dialect, "select 'a;\nselect 2;\nselect 3;");

        assertThat(scanned.statements()).singleElement().extracting(ScriptStatement::line).isEqualTo(1);
        assertThat(scanned.code()).doesNotContain("select 2");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void splitsAHundredThousandStatementsCountingEveryLine(Dialect dialect) {
        StringBuilder sql = new StringBuilder("-- data\n");
        for (int i = 0; i < 100_000; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(", 'row; ").append(i).append("');\n");
        }

        List<ScriptStatement> statements = SqlScanner.scan(dialect, sql.toString()).statements();

        assertThat(statements).hasSize(100_000);
        assertThat(statements.get(99_999).line()).isEqualTo(100_001);
        assertThat(statements.get(99_999).sql()).isEqualTo("INSERT INTO t VALUES (99999, 'row; 99999')");
        assertThat(statements.get(0).keywords()).isSameAs(statements.get(99_999).keywords());
    }

    @Test
    void scansALongStringOrCommentWithoutBacktracking() {
        String longString = "select '" + "x".repeat(2_000_000) + "';\nselect 2;";
        String longComment = "/*" + " nested /* ".repeat(100_000) + " */".repeat(100_000) + "*/ select 1;";

        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, longString).statements()).extracting(ScriptStatement::line).containsExactly(1, 2);
        assertThat(SqlScanner.scan(Dialect.POSTGRESQL, longComment).statements()).extracting(ScriptStatement::sql).containsExactly("select 1");
    }

    private static String unterminated(Dialect dialect, String sql) {
        return SqlScanner.scan(dialect, sql).unterminated().map(u -> u.line() + " " + u.construct()).orElse("none");
    }
}
