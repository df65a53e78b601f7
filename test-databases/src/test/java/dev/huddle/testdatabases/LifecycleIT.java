package dev.huddle.testdatabases;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * What the extension leaves behind, seen by running small test classes inside this one: a passing test's databases
 * are gone, a failing test's are kept where a person can look at them.
 */
class LifecycleIT {
    /** The databases the inner test classes got, in order; read after they ran. */
    static final List<TestDatabase> HANDED_OUT = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        HANDED_OUT.clear();
    }

    @Test
    void dropsTheDatabasesOfAPassingTest() throws SQLException {
        TestExecutionSummary summary = run(PassingTest.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(HANDED_OUT).hasSize(2);
        assertThat(postgresExists(HANDED_OUT.get(0))).isFalse();
        assertThat(SqliteTemplate.fileOf(HANDED_OUT.get(1))).doesNotExist();
    }

    @Test
    void keepsTheDatabasesOfAFailingTestWhereTheMessageSays() throws SQLException {
        TestExecutionSummary summary = run(FailingTest.class);

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
            dropPostgres(postgres);
            ScratchFolder.deleteQuietly(kept);
        }
    }

    @Test
    void dropsADatabaseAskedForBeforeAllTestsAfterTheLastOne() throws SQLException {
        TestExecutionSummary summary = run(ClassLevelDatabaseTest.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(HANDED_OUT).hasSize(1);
        assertThat(postgresExists(HANDED_OUT.get(0))).isFalse();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 20);
        assertThat(summary.getTestsFoundCount()).as("tests found in %s; failures: %s", testClass.getSimpleName(), failures).isPositive();
        return summary;
    }

    private static boolean postgresExists(TestDatabase database) throws SQLException {
        try (Connection admin = TestDatabases.postgres().connectAdmin();
             PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, nameOf(database));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void dropPostgres(TestDatabase database) throws SQLException {
        try (Connection admin = TestDatabases.postgres().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + nameOf(database) + " with (force)");
        }
    }

    private static String nameOf(TestDatabase database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
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

    static class ClassLevelDatabaseTest {
        @RegisterExtension
        static final MigratedDatabases DATABASES = MigratedDatabases.of(FixtureModules.migrations(), "catalog");
        static TestDatabase shared;

        @BeforeAll
        static void takeOneForTheClass() {
            shared = DATABASES.fresh(Engine.POSTGRESQL);
            HANDED_OUT.add(shared);
        }

        @Test
        void first() throws SQLException {
            assertThat(postgresExists(shared)).isTrue();
        }

        @Test
        void second() throws SQLException {
            assertThat(postgresExists(shared)).isTrue();
        }
    }
}
