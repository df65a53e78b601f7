package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL template of one plan: built once however many builders race for it, and old templates of other plans
 * cleared away. Each test uses a plan no other run has built (a unique copy of the fixture modules) and drops its
 * templates at the end.
 */
class PostgresTemplateIT {

    @Test
    void twoBuildersRacingForOnePlanBuildItOnce(@TempDir Path modules) throws Exception {
        Migrations migrations = FixtureModules.uniqueCopy(modules);
        PlanFingerprint fingerprint = PlanFingerprint.of(migrations, List.of("orders"), Dialect.POSTGRESQL);
        // Two template objects stand for two JVMs: each has its own connection, so only the server's lock orders them.
        PostgresTemplate first = new PostgresTemplate(TestDatabases.postgres(), migrations, fingerprint);
        PostgresTemplate second = new PostgresTemplate(TestDatabases.postgres(), migrations, fingerprint);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> firstBuilt = threads.submit(buildAfter(start, first));
            Future<Boolean> secondBuilt = threads.submit(buildAfter(start, second));

            assertThat(List.of(firstBuilt.get(), secondBuilt.get())).containsExactlyInAnyOrder(true, false);
            TestDatabase clone = second.fresh();
            try (Connection connection = clone.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into catalog_items (id, name) values (1, 'chair')");
            }
            second.drop(clone);
        } finally {
            threads.shutdown();
            first.dropTemplate();
        }
    }

    @Test
    void buildingATemplateDropsOtherPlansTemplatesBuiltMoreThanADayAgo(@TempDir Path oldModules, @TempDir Path recentModules,
                                                                       @TempDir Path currentModules) throws SQLException {
        PostgresTemplate old = template(FixtureModules.uniqueCopy(oldModules));
        PostgresTemplate recent = template(FixtureModules.uniqueCopy(recentModules));
        PostgresTemplate current = template(FixtureModules.uniqueCopy(currentModules));
        try {
            old.ensureBuilt();
            recent.ensureBuilt();
            markBuiltAgo(old, PostgresTemplate.STALE_AFTER.toMillis() + 60_000);

            current.ensureBuilt();

            assertThat(exists(old)).isFalse();
            assertThat(exists(recent)).isTrue();
            assertThat(exists(current)).isTrue();
        } finally {
            old.dropTemplate();
            recent.dropTemplate();
            current.dropTemplate();
        }
    }

    @Test
    void rebuildsATemplateThatDisappearedWhileInUse(@TempDir Path modules) throws SQLException {
        PostgresTemplate template = template(FixtureModules.uniqueCopy(modules));
        try {
            template.drop(template.fresh());
            // Drop it the way another run's stale-template sweep would, behind this JVM's back.
            try (Connection admin = TestDatabases.postgres().connectAdmin(); Statement statement = admin.createStatement()) {
                statement.execute("alter database " + template.name() + " is_template false");
                statement.execute("drop database " + template.name());
            }

            TestDatabase clone = template.fresh();

            assertThat(exists(template)).isTrue();
            template.drop(clone);
        } finally {
            template.dropTemplate();
        }
    }

    private static PostgresTemplate template(Migrations migrations) {
        return new PostgresTemplate(TestDatabases.postgres(), migrations,
                PlanFingerprint.of(migrations, List.of(), Dialect.POSTGRESQL));
    }

    private static Callable<Boolean> buildAfter(CyclicBarrier start, PostgresTemplate template) {
        return () -> {
            start.await();
            return template.ensureBuilt();
        };
    }

    private static void markBuiltAgo(PostgresTemplate template, long millis) throws SQLException {
        try (Connection admin = TestDatabases.postgres().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("comment on database " + template.name() + " is '" + PostgresTemplate.BUILT_AT
                    + (System.currentTimeMillis() - millis) + "'");
        }
    }

    private static boolean exists(PostgresTemplate template) throws SQLException {
        return ServerCatalog.exists(template.name());
    }
}
