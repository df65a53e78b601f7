package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One empty database that belongs to one test.
 *
 * @param jdbcUrl  the URL without credentials
 * @param url      the same database as a user would name it to Huddle (credentials included for PostgreSQL)
 */
public record TestDatabase(Engine engine, String jdbcUrl, String user, String password, String url) {

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (engine == Engine.SQLITE) {
            properties.setProperty("foreign_keys", "true");
        }
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    @Override
    public String toString() {
        return engine.name().toLowerCase();
    }
}
