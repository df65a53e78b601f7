package dev.huddle.testdatabases;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What test-support's PassedTestCleanup leaves of the empty databases {@link TestDatabases#fresh} hands out, seen by
 * running small test classes inside this one with extension auto-detection on, as the build runs every test.
 */
class PassedTestCleanupIT {
    static final List<TestDatabase> HANDED_OUT = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        HANDED_OUT.clear();
    }

    @Test
    void dropsTheDatabasesOfAPassingTest() throws Exception {
        TestExecutionSummary summary = InnerTests.run(PassingTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(3);
        assertThat(ServerCatalog.exists(name(HANDED_OUT.get(0)))).isFalse();
        assertThat(ServerCatalog.exists(name(HANDED_OUT.get(1)))).isFalse();
        assertThat(sqliteFolder(HANDED_OUT.get(2))).doesNotExist();
    }

    @Test
    void keepsTheDatabasesOfAFailingTest() throws Exception {
        TestExecutionSummary summary = InnerTests.run(FailingTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(2);
        try {
            assertThat(ServerCatalog.exists(name(HANDED_OUT.get(0)))).isTrue();
            assertThat(Path.of(HANDED_OUT.get(1).jdbcUrl().substring("jdbc:sqlite:".length()))).exists();
        } finally {
            ServerCatalog.drop(name(HANDED_OUT.get(0)));
            ScratchFolder.deleteQuietly(sqliteFolder(HANDED_OUT.get(1)));
        }
    }

    @Test
    void leavesADatabaseAskedForBeforeAllTestsToTheClass() throws Exception {
        TestExecutionSummary summary = InnerTests.run(ClassLevelDatabaseTest.class);
        TestDatabases.awaitDrops();

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HANDED_OUT).hasSize(1);
        try {
            assertThat(ServerCatalog.exists(name(HANDED_OUT.get(0)))).isTrue();
        } finally {
            ServerCatalog.drop(name(HANDED_OUT.get(0)));
        }
    }

    private static String name(TestDatabase database) {
        return PostgresTemplate.databaseName(database);
    }

    private static Path sqliteFolder(TestDatabase database) {
        return Path.of(database.jdbcUrl().substring("jdbc:sqlite:".length())).getParent();
    }

    static class PassingTest {
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

    static class FailingTest {
        @Test
        void failsAfterTakingOneDatabaseOfEachEngine() throws SQLException {
            HANDED_OUT.add(TestDatabases.fresh(Engine.POSTGRESQL));
            TestDatabase sqlite = TestDatabases.fresh(Engine.SQLITE);
            sqlite.connect().close();
            HANDED_OUT.add(sqlite);
            throw new AssertionError("failing on purpose, to see what stays behind");
        }
    }

    static class ClassLevelDatabaseTest {
        static TestDatabase shared;

        @BeforeAll
        static void takeOneForTheClass() {
            shared = TestDatabases.fresh(Engine.POSTGRESQL);
            HANDED_OUT.add(shared);
        }

        @Test
        void first() throws SQLException {
            assertThat(ServerCatalog.exists(name(shared))).isTrue();
        }

        @Test
        void second() throws SQLException {
            assertThat(ServerCatalog.exists(name(shared))).isTrue();
        }
    }
}
