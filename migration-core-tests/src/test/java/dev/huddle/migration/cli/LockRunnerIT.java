package dev.huddle.migration.cli;

import dev.huddle.migration.HistoryRows;
import dev.huddle.migration.Scenarios;
import dev.huddle.migration.lock.HeldLocks;
import dev.huddle.migration.lock.MigrationLock;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The runner waits {@code --lock-timeout} seconds for another runner's lock, then exits 4 naming it. */
class LockRunnerIT {
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upExitsFourNamingTheHolderWhenAnotherRunnerKeepsTheLock(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Run up;

        try (MigrationLock.Held held = HeldLocks.hold(database, "test holder")) {
            up = run(database, INTERLEAVED, "up", "--lock-timeout", "1");
        }

        assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(up.err()).startsWith("error: Timed out after 1 s waiting for the migration lock")
                .contains(engine == Engine.POSTGRESQL ? "held by test holder" : "held by another thread of this process");
        assertThat(up.out()).doesNotContain("applying");
        assertThat(HistoryRows.scripts(database)).isEmpty();
        assertThat(run(database, INTERLEAVED, "up").code()).as("once the holder is gone").isEqualTo(ExitCodes.OK);
    }
}
