package dev.huddle.testdatabases;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the extension leaves behind, and test-support's PassedTestCleanup of the empty databases
 * {@link TestDatabases#fresh} hands out, seen by running small test classes inside this one: a passing test's
 * databases are gone, a failing test's are kept where a person can look at them.
 */
class LifecycleIT {
    /** The databases the inner test classes got, in order; read after they ran. */
    static final List<TestDatabase> HANDED_OUT = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        HANDED_OUT.clear();
    }

    @Test
    void dropsTheDatabasesOfAPassingTest() throws Exception {
        TestExecutionSummary summary = InnerTests.run(PassingTest.class);
        Templates.awaitBackground();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(2);
        assertThat(postgresExists(HANDED_OUT.get(0))).isFalse();
        assertThat(SqliteTemplate.fileOf(HANDED_OUT.get(1))).doesNotExist();
    }

    @Test
    void keepsTheDatabasesOfAFailingTestWhereTheMessageSays() throws SQLException {
        TestExecutionSummary summary = InnerTests.run(FailingTest.class);

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(2);
        TestDatabase postgres = HANDED_OUT.get(0);
        Path sqlite = SqliteTemplate.fileOf(HANDED_OUT.get(1));
        Path kept = MigratedDatabases.KEPT_SQLITE_FOLDER.resolve(sqlite.getParent().getFileName());
        try {
            assertThat(postgresExists(postgres)).isTrue();
            assertThat(sqlite).doesNotExist();
            assertThat(kept.resolve(sqlite.getFileName())).exists();
        } finally {
            ServerCatalog.drop(PostgresTemplate.databaseName(postgres));
            ScratchFolder.deleteQuietly(kept);
        }
    }

    @Test
    void dropsADatabaseAskedForBeforeAllTestsAfterTheLastOne() throws Exception {
        TestExecutionSummary summary = InnerTests.run(ClassLevelDatabaseTest.class);
        Templates.awaitBackground();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HANDED_OUT).hasSize(1);
        assertThat(postgresExists(HANDED_OUT.get(0))).isFalse();
    }

    private static boolean postgresExists(TestDatabase database) throws SQLException {
        return ServerCatalog.exists(PostgresTemplate.databaseName(database));
    }

    static class PassingTest {
        @RegisterExtension
        static final MigratedDatabases DATABASES = MigratedDatabases.of(FixtureModules.migrations(), "catalog");

        @Test
        void usesOneDatabaseOfEachEngine() {
            HANDED_OUT.add(DATABASES.fresh(Engine.POSTGRESQL));
            HANDED_OUT.add(DATABASES.fresh(Engine.SQLITE));
        }
    }

    static class FailingTest {
        @RegisterExtension
        static final MigratedDatabases DATABASES = MigratedDatabases.of(FixtureModules.migrations(), "catalog");

        @Test
        void failsAfterTakingOneDatabaseOfEachEngine() {
            HANDED_OUT.add(DATABASES.fresh(Engine.POSTGRESQL));
            HANDED_OUT.add(DATABASES.fresh(Engine.SQLITE));
            throw new AssertionError("failing on purpose, to see what stays behind");
        }
    }

    /** Two tests that see the database the class took before them. */
    abstract static class SharedDatabaseTest {
        static TestDatabase shared;

        @Test
        void first() throws SQLException {
            assertThat(postgresExists(shared)).isTrue();
        }

        @Test
        void second() throws SQLException {
            assertThat(postgresExists(shared)).isTrue();
        }
    }

    static class ClassLevelDatabaseTest extends SharedDatabaseTest {
        @RegisterExtension
        static final MigratedDatabases DATABASES = MigratedDatabases.of(FixtureModules.migrations(), "catalog");

        @BeforeAll
        static void takeOneForTheClass() {
            shared = DATABASES.fresh(Engine.POSTGRESQL);
            HANDED_OUT.add(shared);
        }
    }

    // The empty databases TestDatabases.fresh hands out, which test-support's PassedTestCleanup drops.

    @Test
    void dropsTheEmptyDatabasesOfAPassingTest() throws Exception {
        TestExecutionSummary summary = InnerTests.run(EmptyDatabasesPassingTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(3);
        assertThat(postgresExists(HANDED_OUT.get(0))).isFalse();
        assertThat(postgresExists(HANDED_OUT.get(1))).isFalse();
        assertThat(SqliteTemplate.fileOf(HANDED_OUT.get(2)).getParent()).doesNotExist();
    }

    @Test
    void keepsTheEmptyDatabasesOfAFailingTest() throws Exception {
        TestExecutionSummary summary = InnerTests.run(EmptyDatabasesFailingTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(2);
        try {
            assertThat(postgresExists(HANDED_OUT.get(0))).isTrue();
            assertThat(SqliteTemplate.fileOf(HANDED_OUT.get(1))).exists();
        } finally {
            ServerCatalog.drop(PostgresTemplate.databaseName(HANDED_OUT.get(0)));
            ScratchFolder.deleteQuietly(SqliteTemplate.fileOf(HANDED_OUT.get(1)).getParent());
        }
    }

    @Test
    void leavesAnEmptyDatabaseAskedForBeforeAllTestsToTheClass() throws Exception {
        TestExecutionSummary summary = InnerTests.run(EmptyDatabaseClassLevelTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HANDED_OUT).hasSize(1);
        try {
            assertThat(postgresExists(HANDED_OUT.get(0))).isTrue();
        } finally {
            ServerCatalog.drop(PostgresTemplate.databaseName(HANDED_OUT.get(0)));
        }
    }

    static class EmptyDatabasesPassingTest {
        TestDatabase fromBeforeEach;

        @BeforeEach
        void takeOneBeforeEach() {
            fromBeforeEach = TestDatabases.fresh(Engine.POSTGRESQL);
        }

        @Test
        void usesOneDatabaseOfEachEngine() throws SQLException {
            HANDED_OUT.add(fromBeforeEach);
            HANDED_OUT.add(TestDatabases.fresh(Engine.POSTGRESQL));
            TestDatabase sqlite = TestDatabases.fresh(Engine.SQLITE);
            sqlite.connect().close();
            HANDED_OUT.add(sqlite);
        }
    }

    static class EmptyDatabasesFailingTest {
        @Test
        void failsAfterTakingOneDatabaseOfEachEngine() throws SQLException {
            HANDED_OUT.add(TestDatabases.fresh(Engine.POSTGRESQL));
            TestDatabase sqlite = TestDatabases.fresh(Engine.SQLITE);
            sqlite.connect().close();
            HANDED_OUT.add(sqlite);
            throw new AssertionError("failing on purpose, to see what stays behind");
        }
    }

    static class EmptyDatabaseClassLevelTest extends SharedDatabaseTest {
        @BeforeAll
        static void takeOneForTheClass() {
            shared = TestDatabases.fresh(Engine.POSTGRESQL);
            HANDED_OUT.add(shared);
        }
    }
}
