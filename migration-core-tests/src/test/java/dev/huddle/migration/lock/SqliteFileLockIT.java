package dev.huddle.migration.lock;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.MigrationLockTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SQLite migration lock: one per real database file, never through a link, and no file for in-memory databases. */
class SqliteFileLockIT {
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void namesOfOneFileThroughASymlinkOrDotDotShareOneLock(@TempDir Path temp) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path database = Files.createFile(data.resolve("huddle.db"));
        Path linkedFolder = Files.createSymbolicLink(temp.resolve("linked-folder"), data);
        Path linkedFile = Files.createSymbolicLink(temp.resolve("linked.db"), database);
        Files.createDirectories(temp.resolve("other"));

        try (MigrationLock.Held held = new SqliteFileLock(database).acquire(SHORT)) {
            for (Path sameFile : List.of(linkedFolder.resolve("huddle.db"), linkedFile, temp.resolve("other/../data/huddle.db"))) {
                MigrationLockTimeoutException waited = catchThrowableOfType(MigrationLockTimeoutException.class,
                        () -> new SqliteFileLock(sameFile).acquire(SHORT));
                assertThat(waited).as(sameFile.toString()).isNotNull();
            }
        }
        assertThat(new SqliteFileLock(linkedFile).lockFile()).isEqualTo(data.toRealPath().resolve("huddle.db.migration-lock"));
    }

    @Test
    void refusesALockFileThatIsASymlinkAndLeavesItsTargetAlone(@TempDir Path temp) throws Exception {
        Path database = Files.createFile(temp.resolve("huddle.db"));
        Path victim = Files.writeString(temp.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(temp.resolve("huddle.db.migration-lock"), victim);

        DatabaseUnreachableException refused = catchThrowableOfType(DatabaseUnreachableException.class,
                () -> new SqliteFileLock(database).acquire(SHORT));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("huddle.db.migration-lock").contains("is a symbolic link").contains("Remove it");
        assertThat(victim).hasContent("precious");
        // A dangling link, which opening with create would otherwise follow to make a file, is refused as well.
        Files.delete(victim);
        assertThat(catchThrowableOfType(DatabaseUnreachableException.class, () -> new SqliteFileLock(database).acquire(SHORT))).isNotNull();
        assertThat(victim).doesNotExist();
    }

    @Test
    void refusesALockFileWithAnotherHardLink(@TempDir Path temp) throws Exception {
        Path database = Files.createFile(temp.resolve("huddle.db"));
        Path victim = Files.writeString(temp.resolve("victim.txt"), "precious");
        Files.createLink(temp.resolve("huddle.db.migration-lock"), victim);

        assertThat(catchThrowableOfType(DatabaseUnreachableException.class, () -> new SqliteFileLock(database).acquire(SHORT)))
                .hasMessageContaining("has other hard links");
        assertThat(victim).hasContent("precious");
    }

    @Test
    void createsTheLockFileOwnerOnly(@TempDir Path temp) throws Exception {
        Path database = Files.createFile(temp.resolve("huddle.db"));

        try (MigrationLock.Held held = new SqliteFileLock(database).acquire(SHORT)) {
            Path lockFile = temp.resolve("huddle.db.migration-lock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile))).isEqualTo("rw-------");
            assertThat(lockFile).content().startsWith("huddle pid " + ProcessHandle.current().pid());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared", "jdbc:sqlite:",
            "jdbc:sqlite:file:memdb1?mode=memory&cache=shared"})
    void anInMemoryDatabaseGetsALockInThisProcessAndNoFile(String url) throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = huddleFiles(tmp);
        MigrationLock lock = MigrationLocks.forSqlite(url);

        try (MigrationLock.Held held = lock.acquire(SHORT)) {
            assertThat(catchThrowableOfType(MigrationLockTimeoutException.class,
                    () -> MigrationLocks.forSqlite(url).acquire(SHORT)))
                    .as("a second lock of the same database in this process").isNotNull();
        }
        try (MigrationLock.Held again = lock.acquire(SHORT)) {
            assertThat(again).as("released").isNotNull();
        }
        assertThat(huddleFiles(tmp)).isEqualTo(before);
        assertThat(((SqliteFileLock) lock).lockFile()).isNull();
    }

    private static List<Path> huddleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().contains("huddle-in-memory")
                    || file.getFileName().toString().contains("migration-lock")).sorted().toList();
        }
    }
}
