package dev.huddle.migration.connect;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;

/**
 * SQLite's DataSource that creates the database file's folder on first connection, so a fresh install needs no
 * setup; a folder that cannot be created is a connection failure like any other.
 *
 * <p>The database holds token hashes, so what this class creates is its owner's alone on a POSIX file system: missing
 * folders 0700 and the database file 0600, created empty before SQLite opens it. SQLite gives its {@code -wal},
 * {@code -shm} and {@code -journal} companions the database file's permissions. A folder or file that already exists
 * keeps the permissions its owner chose.
 */
final class SqliteFileDataSource extends SQLiteDataSource {
    static final String FOLDER_PERMISSIONS = "rwx------";
    static final String FILE_PERMISSIONS = "rw-------";

    private final Path file;
    private final boolean mayCreateFile;

    /**
     * @param file          the database file, or null for an in-memory database
     * @param mayCreateFile false when the URL opens the file read-only or without create: then nothing is created
     */
    SqliteFileDataSource(SQLiteConfig config, Path file, boolean mayCreateFile) {
        super(config);
        this.file = file;
        this.mayCreateFile = mayCreateFile;
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        if (file != null && mayCreateFile && !Files.exists(file)) {
            createOwnerOnly(file.toAbsolutePath());
        }
        return super.getConnection(username, password);
    }

    private static void createOwnerOnly(Path file) throws SQLException {
        Path folder = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (folder != null && !Files.isDirectory(folder)) {
            try {
                if (posix) {
                    Files.createDirectories(folder, permissions(FOLDER_PERMISSIONS));
                } else {
                    Files.createDirectories(folder);
                }
            } catch (IOException e) {
                throw new SQLException("cannot create the folder " + folder + " for the SQLite file (" + e + ")", e);
            }
        }
        if (!posix) {
            return;
        }
        try {
            Files.createFile(file, permissions(FILE_PERMISSIONS));
        } catch (FileAlreadyExistsException e) {
            // Another connection or process created it first: with these same permissions if it was one of ours.
        } catch (IOException e) {
            // SQLite itself reports a file it cannot create, in its own words.
        }
    }

    private static FileAttribute<?> permissions(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
