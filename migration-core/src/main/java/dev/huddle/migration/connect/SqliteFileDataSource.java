package dev.huddle.migration.connect;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * SQLite's DataSource that creates the database file's folder on first connection, so a fresh install needs no
 * setup; a folder that cannot be created is a connection failure like any other.
 */
final class SqliteFileDataSource extends SQLiteDataSource {
    private final Path file;

    SqliteFileDataSource(SQLiteConfig config, Path file) {
        super(config);
        this.file = file;
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new SQLException("cannot create the folder " + folder + " for the SQLite file (" + e + ")", e);
            }
        }
        return super.getConnection(username, password);
    }
}
