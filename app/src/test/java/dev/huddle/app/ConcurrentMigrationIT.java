package dev.huddle.app;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.SchemaDump;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runners and app instances started together on one fresh database: each migration is applied exactly once, one
 * process does the work and the others find it done, and the schema is the one a single runner builds.
 */
class ConcurrentMigrationIT {
    /** As many as the history-read race needed to show (a reader seeing "no such table" while another creates it). */
    private static final int RUNNER_PROCESSES = 12;
    private static final int PROCESSES = 4;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twelveRunnerProcessesAtOnceApplyEachMigrationExactlyOnce(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        List<Process> runners = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int i = 0; i < RUNNER_PROCESSES; i++) {
            Path out = Files.createTempFile(ScratchFolder.path(), "huddle-runner-", ".out");
            Path err = Files.createTempFile(ScratchFolder.path(), "huddle-runner-", ".err");
            outputs.add(out);
            errors.add(err);
            runners.add(JarProcess.start(JarProcess.RUNNER_JAR, ScratchFolder.newSubfolder("huddle-runner-"), Map.of(),
                    List.of("--url", patientUrl(db), "up"), out, err));
        }
        for (int i = 0; i < RUNNER_PROCESSES; i++) {
            assertThat(runners.get(i).waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(runners.get(i).exitValue()).as(Files.readString(errors.get(i))).isZero();
        }
        List<String> reports = new ArrayList<>();
        for (Path out : outputs) {
            reports.add(Files.readString(out));
        }

        assertThat(reports).filteredOn(report -> report.contains("Applied " + ShippedMigrations.count(db.engine()) + " migrations.")).hasSize(1);
        assertThat(reports).filteredOn(report -> report.contains("Nothing to apply")).hasSize(RUNNER_PROCESSES - 1);
        assertAppliedOnceWithTheSequentialSchema(db);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fourAppInstancesBootingAtOnceApplyEachMigrationExactlyOnce(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);
        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EmbeddedServer>> boots = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                boots.add(pool.submit((Callable<EmbeddedServer>) () -> {
                    start.await();
                    // Named here: off the test's thread, Micronaut does not deduce the test environment and its key.
                    return ApplicationContext.run(EmbeddedServer.class, Map.of("huddle.database.url", db.url(),
                            "micronaut.server.port", -1, "huddle.auth.server-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
                }));
            }
            start.countDown();
            for (Future<EmbeddedServer> boot : boots) {
                try (EmbeddedServer server = boot.get(2, TimeUnit.MINUTES)) {
                    assertThat(server.isRunning()).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertAppliedOnceWithTheSequentialSchema(db);
    }

    /**
     * Twelve JVMs starting at once on a small machine can take longer than the default 10 s to log in to PostgreSQL;
     * that would test the machine, not the lock.
     */
    private static String patientUrl(TestDatabase db) {
        return db.engine() == Engine.POSTGRESQL ? db.url() + "?loginTimeout=60" : db.url();
    }

    private static void assertAppliedOnceWithTheSequentialSchema(TestDatabase db) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "select count(*) from huddle_schema_history")).isEqualTo(ShippedMigrations.count(db.engine()));
            assertThat(Queries.count(statement, "select count(distinct version) from huddle_schema_history where success = true"))
                    .isEqualTo(ShippedMigrations.count(db.engine()));
        }
        TestDatabase reference = TestDatabases.fresh(db.engine());
        Migrations.discover().against(DatabaseTargets.fromUrl(reference.url())).up();
        assertThat(SchemaDump.of(db)).isEqualTo(SchemaDump.of(reference));
    }
}
