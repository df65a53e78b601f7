package dev.huddle.migration.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite database holds token hashes: what Huddle creates for it is readable by its owner only, and what the user
 * created keeps the permissions they chose. SQLite only; assumes a POSIX file system, as the build machines have.
 */
class SqliteFilePermissionsIT {

    @Test
    void createsMissingFoldersAndTheDatabaseFileOwnerOnlyAndSqliteCopiesThatToItsCompanions(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("data/nested/huddle.db");

        try (Connection connection = DatabaseTargets.fromUrl("jdbc:sqlite:" + file + "?journal_mode=WAL").dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table t (x integer)");
            statement.execute("insert into t values (1)");

            assertThat(permissions(temp.resolve("data"))).isEqualTo("rwx------");
            assertThat(permissions(temp.resolve("data/nested"))).isEqualTo("rwx------");
            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(permissions(Path.of(file + "-wal"))).isEqualTo("rw-------");
            assertThat(permissions(Path.of(file + "-shm"))).isEqualTo("rw-------");
        }
    }

    @Test
    void aRollbackJournalIsOwnerOnlyToo(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("huddle.db");
        try (Connection connection = DatabaseTargets.fromUrl("jdbc:sqlite:" + file).dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("create table t (x integer)");

            assertThat(permissions(Path.of(file + "-journal"))).isEqualTo("rw-------");
            connection.rollback();
        }
    }

    @Test
    void leavesTheFolderAndFileTheUserCreatedAsTheyAre(@TempDir Path temp) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        Path file = Files.createFile(folder.resolve("huddle.db"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        try (Connection connection = DatabaseTargets.fromUrl("jdbc:sqlite:" + file).dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table t (x integer)");
        }

        assertThat(permissions(folder)).isEqualTo("rwxr-x---");
        assertThat(permissions(file)).isEqualTo("rw-r-----");
    }

    @Test
    void createsNothingForAReadOnlyUrl(@TempDir Path temp) {
        Path file = temp.resolve("missing/huddle.db");

        try (Connection ignored = DatabaseTargets.fromUrl("jdbc:sqlite:file:" + file + "?mode=ro").dataSource().getConnection()) {
            // Opening a missing file read-only fails; either way nothing may be created for it.
        } catch (Exception expected) {
            // SQLite's own "unable to open" error.
        }

        assertThat(temp.resolve("missing")).doesNotExist();
    }

    private static String permissions(Path path) throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }
}
