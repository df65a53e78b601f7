package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any number of runners may start at once on a new database: while one creates the history table, the others' first
 * read must see "no history yet" (and wait for the lock), never fail with "no such table".
 */
class ManyRunnersAtOnceIT {
    private static final int RUNNERS = 12;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twelveRunnersStartingTogetherAllSucceedAndApplyEachMigrationOnce(Engine engine) throws Exception {
        for (int round = 0; round < 3; round++) {
            TestDatabase database = TestDatabases.fresh(engine);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return Run.run(database, Scenarios.path("interleaved").toString(), "up");
                }));
            }
            start.countDown();
            for (Future<Run> run : runs) {
                Run done = run.get(120, TimeUnit.SECONDS);
                assertThat(done.code()).as(done.err()).isZero();
            }
            pool.shutdown();
            try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*), count(distinct version) from huddle_schema_history")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(4);
                assertThat(rows.getInt(2)).isEqualTo(4);
            }
        }
    }
}
