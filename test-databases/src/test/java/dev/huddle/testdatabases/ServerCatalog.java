package dev.huddle.testdatabases;

import dev.huddle.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the tests' PostgreSQL server holds, asked as an administrator: for checking what the extension left. */
final class ServerCatalog {
    private ServerCatalog() {
    }

    static boolean exists(String database) throws SQLException {
        try (Connection admin = TestDatabases.postgres().connectAdmin();
             PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void drop(String database) throws SQLException {
        try (Connection admin = TestDatabases.postgres().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }
}
