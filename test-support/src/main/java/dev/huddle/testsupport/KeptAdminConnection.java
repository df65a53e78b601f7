package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection to the server's {@code postgres} database, opened on first use and kept for the JVM's life, for the
 * statements a test JVM sends there hundreds of times ({@code CREATE DATABASE}, {@code DROP DATABASE}). On these
 * machines a new PostgreSQL connection costs the server 35–40 ms of CPU, more than the statement itself; a connection
 * that broke (a restarted server) is replaced once per statement.
 */
final class KeptAdminConnection {
    private final PostgresServer server;
    private Connection connection;

    KeptAdminConnection(PostgresServer server) {
        this.server = server;
    }

    synchronized void execute(String sql) throws SQLException {
        try {
            executeOnce(sql);
        } catch (SQLException e) {
            if (connection == null || connection.isValid(5)) {
                throw e;
            }
            connection.close();
            connection = null;
            executeOnce(sql);
        }
    }

    private void executeOnce(String sql) throws SQLException {
        if (connection == null) {
            connection = server.connectAdmin();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
