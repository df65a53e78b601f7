package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One migration plan's SQLite file, migrated once per JVM in the {@link ScratchFolder} (deleted at exit), and the
 * copies made from it: copying a file of a few hundred kilobytes costs far less than running the history again.
 */
final class SqliteTemplate {
    static final String URL_PREFIX = "jdbc:sqlite:";

    private final Migrations migrations;
    private final PlanFingerprint fingerprint;
    private Path file;

    SqliteTemplate(Migrations migrations, PlanFingerprint fingerprint) {
        this.migrations = fingerprint.select(migrations);
        this.fingerprint = fingerprint;
    }

    /** A new copy of the migrated file, in a folder of its own so its journal files have a place too. */
    synchronized TestDatabase fresh() {
        Path template = built();
        Path copy = TestDatabases.newSqliteFile();
        try {
            Files.copy(template, copy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the migrated SQLite template " + template + " to " + copy + ": "
                    + e.getMessage(), e);
        }
        String url = URL_PREFIX + copy;
        return new TestDatabase(Engine.SQLITE, url, null, null, url);
    }

    /** The file a SQLite test database lives in. */
    static Path fileOf(TestDatabase database) {
        return Path.of(database.jdbcUrl().substring(URL_PREFIX.length()));
    }

    private Path built() {
        if (file == null) {
            Path target = ScratchFolder.newMemorySubfolder("template-").resolve(fingerprint.hash() + ".db");
            migrations.against(DatabaseTargets.fromUrl(URL_PREFIX + target)).up();
            file = target;
        }
        return file;
    }
}
