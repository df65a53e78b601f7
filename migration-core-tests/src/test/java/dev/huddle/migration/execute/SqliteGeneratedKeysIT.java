package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.SqlScanner;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A script's INSERTs run without sqlite-jdbc's generated-keys query, and the connection, which may be a pool's, keeps
 * answering {@code getGeneratedKeys} afterwards, after a failing script too.
 */
class SqliteGeneratedKeysIT {

    @Test
    void theConnectionStillReturnsGeneratedKeysAfterAScriptRan() throws Exception {
        try (Connection connection = TestDatabases.fresh(Engine.SQLITE).connect()) {
            new StatementRunner(connection, Dialect.SQLITE).run(SqlScanner.scan(Dialect.SQLITE,
                    "create table rooms (id integer primary key, name text);\ninsert into rooms (name) values ('lobby');\n"));

            assertThat(generatedKeys(connection)).isTrue();
            assertThat(insertedKey(connection)).isEqualTo(2);
        }
    }

    @Test
    void theConnectionStillReturnsGeneratedKeysAfterAScriptFailed() throws Exception {
        try (Connection connection = TestDatabases.fresh(Engine.SQLITE).connect()) {
            StatementRunner runner = new StatementRunner(connection, Dialect.SQLITE);
            runner.run(SqlScanner.scan(Dialect.SQLITE, "create table rooms (id integer primary key, name text);\n"));

            assertThatThrownBy(() -> runner.run(SqlScanner.scan(Dialect.SQLITE, "insert into rooms (id) values (1);\ninsert into rooms (id) values (1);\n")))
                    .isInstanceOf(StatementRunner.StatementFailure.class)
                    .satisfies(failure -> assertThat(((StatementRunner.StatementFailure) failure).statement().line()).isEqualTo(2));
            assertThat(generatedKeys(connection)).isTrue();
        }
    }

    private static boolean generatedKeys(Connection connection) throws Exception {
        return connection.unwrap(SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys();
    }

    private static long insertedKey(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into rooms (name) values ('stage')", Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                return keys.getLong(1);
            }
        }
    }
}
