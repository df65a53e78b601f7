package dev.huddle.migration.lock;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Interleaved;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.RepairRequest;
import dev.huddle.migration.failure.MigrationLockTimeoutException;
import dev.huddle.migration.rollback.RollbackRequest;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One runner at a time per database: the others wait for the lock, or give up naming who holds it. */
class MigrationLockIT {
    private static final Path INTERLEAVED = Interleaved.path();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentRunnersApplyEveryMigrationExactlyOnce(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        int runners = 4;
        CyclicBarrier start = new CyclicBarrier(runners);
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        List<String> applied = new ArrayList<>();
        try {
            List<Future<List<MigrationStep>>> results = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                results.add(threads.submit(() -> {
                    Migrator migrator = Scenarios.migrator(INTERLEAVED, database);
                    start.await(30, TimeUnit.SECONDS);
                    return migrator.up().applied();
                }));
            }
            for (Future<List<MigrationStep>> result : results) {
                result.get(2, TimeUnit.MINUTES).forEach(step -> applied.add(step.version()));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(applied).as("versions applied by all runners together")
                .containsExactlyInAnyOrderElementsOf(Interleaved.versions());
        assertThat(HistoryRows.scripts(database)).containsExactlyElementsOf(Interleaved.scripts());
        assertThat(HistoryRows.tables(database)).contains("alpha_items", "beta_items", "beta_tags");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everySchemaChangingCommandGivesUpAfterTheTimeoutNamingTheHolderAndChangesNothing(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Migrator migrator = Scenarios.migrations(INTERLEAVED).withLockTimeout(Duration.ofMillis(500))
                .against(DatabaseTargets.fromUrl(database.url()));
        Map<String, ThrowingConsumer<Migrator>> commands = Map.of(
                "up", Migrator::up,
                "down", m -> m.down(RollbackRequest.last()),
                "redo", Migrator::redo,
                "repair", m -> m.repair(new RepairRequest(List.of("20250101000000"), List.of())));
        String holder = switch (engine) {
            case POSTGRESQL -> "held by test holder (server pid ";
            // The lock file is shared by this process's threads, so they queue on it before the OS lock.
            case SQLITE -> "held by another thread of this process";
        };

        try (MigrationLock.Held held = HeldLocks.hold(database, "test holder")) {
            commands.forEach((name, command) -> {
                MigrationLockTimeoutException timeout = catchThrowableOfType(MigrationLockTimeoutException.class,
                        () -> command.accept(migrator));
                assertThat(timeout).as(name).isNotNull();
                assertThat(timeout.getMessage()).as(name).contains("waiting for the migration lock", holder, "--lock-timeout");
            });
        }

        assertThat(HistoryRows.scripts(database)).isEmpty();
        assertThat(HistoryRows.tables(database)).isEmpty();
        assertThat(Scenarios.migrator(INTERLEAVED, database).up().applied()).as("once the holder is gone").hasSize(4);
    }

    @Test
    void sqliteRunnerNamesTheOtherProcessThatHoldsTheLock() throws Exception {
        TestDatabase database = TestDatabases.fresh(Engine.SQLITE);
        Migrator migrator = Scenarios.migrations(INTERLEAVED).withLockTimeout(Duration.ofMillis(500))
                .against(DatabaseTargets.fromUrl(database.url()));
        MigrationLockTimeoutException timeout;
        long holderPid;

        try (HeldLocks.OtherProcess other = HeldLocks.holdInAnotherProcess(database)) {
            holderPid = other.pid();
            timeout = catchThrowableOfType(MigrationLockTimeoutException.class, migrator::up);
        }

        assertThat(timeout).isNotNull();
        assertThat(timeout.getMessage()).contains(".migration-lock", "held by huddle pid " + holderPid + " on ", " since ");
        assertThat(HistoryRows.scripts(database)).isEmpty();
        assertThat(Scenarios.migrator(INTERLEAVED, database).up().applied()).as("once the other process ended").hasSize(4);
    }
}
