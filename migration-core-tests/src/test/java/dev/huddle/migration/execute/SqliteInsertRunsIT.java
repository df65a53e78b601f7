package dev.huddle.migration.execute;

import dev.huddle.migration.Scenarios;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.sql.SqlScanner;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.Function;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.huddle.migration.Scenarios.migrator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs of plain INSERTs go to SQLite in one native call, and a failure inside a run is still named by its statement
 * and line, from that one call: the rows changed before the error say how many statements completed. Where the schema
 * could make an INSERT change other than one row per tuple (a trigger, a table's conflict clause), each statement goes
 * alone, and the failure is named just as well.
 */
class SqliteInsertRunsIT {
    private static final String ITEMS = "create table items (id integer primary key, body text not null check (length(body) < 20));\n";

    @TempDir
    Path modules;

    /** Index 0 is the first statement after the CREATE TABLE: {@code inserts} statements, the one at {@code failing} fails. */
    private static String insertsFailingAt(String table, int inserts, int failing, String failure) {
        return insertsFailingAt(table, 0, inserts, failing, failure);
    }

    /** As above, ids from {@code idBase + 1}. */
    private static String insertsFailingAt(String table, int idBase, int inserts, int failing, String failure) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < inserts; i++) {
            if (i == failing) {
                script.append(failure).append('\n');
            } else if (i % 7 == 3) {
                // Multi-row statements, and comments and strings that look like statement ends, between and inside.
                script.append("insert into ").append(table).append(" (id, body) values (").append(idBase + 1000 + 2 * i).append(", 'a;(b')")
                        .append(", /* ) */ (").append(idBase + 1001 + 2 * i).append(", 'c -- d'); -- ; (\n");
            } else {
                script.append("insert into ").append(table).append(" values (").append(idBase + i + 1).append(", 'row ''").append(i).append("''');\n");
            }
        }
        return script.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 29, 58, 59})
    void aFailureInsideARunNamesItsStatementAndKeepsOnlyThoseBefore(int failing) throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = ITEMS + insertsFailingAt("items", 60, failing, "insert into items values (900, null);");

            StatementRunner.StatementFailure failure = failureRunning(exec, script);
            assertThat(failure).hasMessageContaining("NOT NULL constraint failed: items.body");
            assertThat(failure.statement().line()).isEqualTo(failing + 2);
            assertThat(exec.nativeCalls()).as("the CREATE, then the 60 inserts in one call").isEqualTo(2);
            assertThat(count(connection, "select count(*) from items")).isEqualTo(rowsOfFirst(failing));
            connection.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "insert into items values (500, null);",
            "insert into items values (500, 'far too long for the check');",
            "insert into items values (500, abs(-9223372036854775808));",
            "insert into missing values (500, 'x');",
            "insert into items (id, body) values (500, 'x'), (501, 'y'), (1, 'z');",
            "insert into items values (500, 'x', 'one value too many');",
    })
    void namesTheFailingStatementWhateverTheError(String failure) throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = ITEMS + insertsFailingAt("items", 40, 25, failure);

            assertThat(failureRunning(exec, script).statement().sql()).isEqualTo(failure.substring(0, failure.length() - 1));
            assertThat(count(connection, "select count(*) from items")).isEqualTo(rowsOfFirst(25));
            connection.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create table items (id integer primary key autoincrement, body text);\n",
            "create table items (id integer primary key, body text) without rowid;\n",
            "create table items (id integer not null, body text, primary key (id)) strict;\n",
            "create table items (id integer primary key, body text, size integer generated always as (length(body)) virtual);\n",
    })
    void countsRowsRightOnEveryKindOfTable(String create) throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = create + insertsFailingAt("items", 50, 44, "insert into items values (3, 'again');");

            assertThat(failureRunning(exec, script).statement().line()).isEqualTo(46);
            assertThat(exec.nativeCalls()).isLessThan(46);
            connection.rollback();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Each insert changes two rows: the trigger's count would point at an earlier statement.
            "create table audit (id integer);\ncreate trigger items_audit after insert on items begin insert into audit values (new.id); end;\n",
            "create table audit (id integer);\ncreate temp trigger items_audit after insert on main.items begin insert into audit values (new.id); end;\n",
            // A repeated id succeeds and changes nothing.
            "create table quiet (id integer primary key on conflict ignore);\n",
            // What an INSERT into it changes is the module's business.
            "create virtual table docs using fts5(body);\n",
    })
    void aTriggerOrAConflictClauseSendsEachStatementAlone(String hazard) throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String inserts = insertsFailingAt("items", 30, 20, "insert into items values (1, 'again');");
            String script = ITEMS + hazard + inserts;

            assertThat(failureRunning(exec, script).statement().sql()).isEqualTo("insert into items values (1, 'again')");
            assertThat(exec.nativeCalls()).as("every statement alone, up to the failing one")
                    .isEqualTo(SqlScanner.scan(Dialect.SQLITE, script).statements().size() - 9);
            connection.rollback();
        }
    }

    @Test
    void aTriggerCreatedBetweenTwoRunsIsSeenBeforeTheSecond() throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = ITEMS + insertsFailingAt("items", 20, -1, "") + "create table audit (id integer);\n"
                    + "create trigger items_audit after insert on items begin insert into audit values (new.id); end;\n"
                    + insertsFailingAt("items", 5000, 20, 12, "insert into items values (1, 'again');");

            assertThat(failureRunning(exec, script).statement().line()).isEqualTo(1 + 20 + 2 + 13);
            connection.rollback();
        }
    }

    @Test
    void eachStatementOfARunRunsOnce() throws Exception {
        try (Connection connection = inTransaction()) {
            AtomicInteger calls = new AtomicInteger();
            Function.create(connection, "tick", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(calls.incrementAndGet());
                }
            });
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            StringBuilder script = new StringBuilder("create table ticks (id integer primary key, n integer unique);\n");
            for (int i = 1; i <= 40; i++) {
                script.append("insert into ticks (n) values (").append(i == 31 ? "1" : "tick()").append(");\n");
            }

            assertThat(failureRunning(exec, script.toString()).statement().line()).isEqualTo(32);
            assertThat(calls.get()).as("the 30 statements before the failing one, each once").isEqualTo(30);
            connection.rollback();
        }
    }

    @Test
    void aFailingRunLeavesTheDatabaseAsItWasAndNamesTheLine() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        Scenarios.writeInBothDialects(modules, "alpha", "V20250101000000__load.sql",
                ITEMS + insertsFailingAt("items", 300, 250, "insert into items values (7, 'again');"));

        assertThatThrownBy(() -> migrator(modules, database).up())
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V20250101000000__load.sql failed at line 252")
                .hasMessageContaining("Statement: insert into items values (7, 'again')")
                .hasMessageContaining("rolled back");

        try (Connection connection = database.connect()) {
            assertThat(count(connection, "select count(*) from sqlite_master where name = 'items'")).isZero();
        }
    }

    @Test
    void aRunGoesAsTheFileBytesAndStoresTheTextAsWritten() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        StringBuilder script = new StringBuilder("\uFEFFcreate table names (id integer primary key, name text not null);\n");
        String[] names = {"Zoë", "Ōtsuka 🙂", "plain", "L''Oréal", "日本語", "x"};
        for (int i = 0; i < 30; i++) {
            script.append("insert into names values (").append(i).append(", '").append(names[i % names.length]).append("');\n");
        }
        Scenarios.writeInBothDialects(modules, "alpha", "V20250101000000__names.sql", script.toString());

        migrator(modules, database).up();

        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, name from names order by id")) {
            for (int i = 0; i < 30; i++) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo(names[i % names.length].replace("''", "'"));
            }
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aRunSentAsBytesNamesTheFailingStatementAfterMultiByteText() throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = ITEMS + insertsFailingAt("items", 40, 31, "insert into items values (1, 'Ōtsuka 🙂 again');")
                    .replace("'row ''", "'Zoë 🙂 ''");

            assertThat(failureRunning(exec, script).statement().line()).isEqualTo(33);
            assertThat(exec.utf8Runs()).isEqualTo(1);
            connection.rollback();
        }
    }

    @Test
    void withoutTheFileBytesARunGoesAsTextAndIsLocatedAlike() throws Exception {
        try (Connection connection = inTransaction()) {
            SqliteNativeExec exec = SqliteNativeExec.of(connection);
            String script = ITEMS + insertsFailingAt("items", 40, 31, "insert into items values (1, 'again');");

            Throwable thrown = catchThrowable(() -> exec.run(SqlScanner.scan(Dialect.SQLITE, script)));

            assertThat(((StatementRunner.StatementFailure) thrown).statement().line()).isEqualTo(33);
            assertThat(exec.nativeCalls()).isEqualTo(2);
            assertThat(exec.utf8Runs()).isZero();
            connection.rollback();
        }
    }

    /** Runs the script, scanned with its UTF-8 bytes as a file's text is, which must fail, and answers the failure. */
    private static StatementRunner.StatementFailure failureRunning(SqliteNativeExec exec, String script) {
        byte[] utf8 = script.getBytes(StandardCharsets.UTF_8);
        Throwable thrown = catchThrowable(() -> exec.run(SqlScanner.scan(Dialect.SQLITE, script, utf8, 0)));
        assertThat(thrown).isInstanceOf(StatementRunner.StatementFailure.class);
        return (StatementRunner.StatementFailure) thrown;
    }

    /** A fresh SQLite database's connection, in a transaction. */
    private static Connection inTransaction() throws SQLException {
        Connection connection = TestDatabases.fresh(Engine.SQLITE).connect();
        connection.setAutoCommit(false);
        return connection;
    }

    /** The rows the statements before index {@code failing} insert. */
    private static int rowsOfFirst(int failing) {
        int rows = 0;
        for (int i = 0; i < failing; i++) {
            rows += i % 7 == 3 ? 2 : 1;
        }
        return rows;
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
