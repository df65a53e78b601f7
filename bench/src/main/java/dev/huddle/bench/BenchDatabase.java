package dev.huddle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database made for one benchmark scenario and removed after it: a PostgreSQL database or a SQLite file. */
final class BenchDatabase implements AutoCloseable {
    private final String server;
    private final String name;
    private final Path sqliteFile;

    private BenchDatabase(String server, String name, Path sqliteFile) {
        this.server = server;
        this.name = name;
        this.sqliteFile = sqliteFile;
    }

    static BenchDatabase postgres(String server, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return new BenchDatabase(server, name, null);
    }

    static BenchDatabase sqlite(Path folder, String name) throws Exception {
        Path file = Files.createDirectories(folder).toAbsolutePath().resolve(name + ".db");
        Files.deleteIfExists(file);
        return new BenchDatabase(null, name, file);
    }

    /** The URL the app's DATABASE_URL takes. */
    String url() {
        return sqliteFile != null ? "jdbc:sqlite:" + sqliteFile : "postgresql://postgres@" + server + "/" + name;
    }

    Connection connect() throws SQLException {
        return sqliteFile != null ? DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)
                : DriverManager.getConnection("jdbc:postgresql://" + server + "/" + name, "postgres", null);
    }

    @Override
    public void close() throws Exception {
        if (sqliteFile != null) {
            for (String suffix : new String[] {"", "-journal", "-wal", "-shm", ".migration-lock"}) {
                Files.deleteIfExists(Path.of(sqliteFile + suffix));
            }
            Files.deleteIfExists(sqliteFile.resolveSibling("server.key"));
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }
}
