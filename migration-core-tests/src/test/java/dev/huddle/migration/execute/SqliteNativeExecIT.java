package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.SqlScanner;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite statements run one native call each, as the {@code sqlite3} shell runs them: a statement that returns rows runs
 * to its last row, and a failure still names its statement.
 */
class SqliteNativeExecIT {

    @Test
    void aSelectRunsToItsLastRowSoAnErrorOnALaterRowIsReported() throws Exception {
        try (Connection connection = TestDatabases.fresh(Engine.SQLITE).connect()) {
            StatementRunner runner = new StatementRunner(connection, Dialect.SQLITE);
            runner.run(SqlScanner.scan(Dialect.SQLITE, "create table numbers (n integer);\ninsert into numbers values (1), (2);\n"));

            // abs() of the smallest integer overflows: only the second row fails, which a single step never reaches.
            assertThatThrownBy(() -> runner.run(SqlScanner.scan(Dialect.SQLITE,
                    "select n from numbers;\nselect case when n = 2 then abs(-9223372036854775808) else n end from numbers order by n;\n")))
                    .isInstanceOf(StatementRunner.StatementFailure.class)
                    .hasMessageContaining("integer overflow")
                    .satisfies(failure -> assertThat(((StatementRunner.StatementFailure) failure).statement().line()).isEqualTo(2));
        }
    }

    @Test
    void statementsRunInsideTheCallersTransaction() throws Exception {
        try (Connection connection = TestDatabases.fresh(Engine.SQLITE).connect()) {
            connection.setAutoCommit(false);
            new StatementRunner(connection, Dialect.SQLITE).run(SqlScanner.scan(Dialect.SQLITE,
                    "create table rooms (id integer primary key);\ninsert into rooms values (1);\n"));
            connection.rollback();
            connection.setAutoCommit(true);

            try (Statement statement = connection.createStatement();
                 ResultSet tables = statement.executeQuery("select count(*) from sqlite_master where name = 'rooms'")) {
                tables.next();
                assertThat(tables.getInt(1)).isZero();
            }
        }
    }
}
