package dev.huddle.dataaccess;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One repository, unchanged, on both engines, through datasources.default bound to the database Huddle resolves. */
class DataAccessIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSameRepositoryWritesAndReadsUuidsTextAndTimesOnBothEngines(Engine engine) throws SQLException {
        TestDatabase db = TestDatabases.fresh(engine);
        createProbeTable(db);
        Instant earlier = Instant.parse("2026-01-02T03:04:05.678Z");
        Instant later = earlier.plus(1, ChronoUnit.HOURS);
        try (ApplicationContext context = ApplicationContext.run(Map.of("huddle.database.url", db.url(),
                "datasources.default.maximum-pool-size", 2))) {
            ProbeRepository probes = context.getBean(ProbeRepository.class);
            Probe first = probes.save(new Probe(UUID.randomUUID(), "first", earlier));
            probes.save(new Probe(UUID.randomUUID(), "second", later));

            assertThat(probes.findById(first.id())).contains(first);
            assertThat(probes.findBySeenAtBeforeOrderBySeenAt(later.plusSeconds(1))).extracting(Probe::label)
                    .containsExactly("first", "second");
            assertThat(probes.findBySeenAtBeforeOrderBySeenAt(later)).extracting(Probe::label).containsExactly("first");
            assertThat(context.getBean(DatabaseTarget.class).jdbcUrl()).isEqualTo(db.jdbcUrl());
            DatasourceConfiguration pool = context.getBean(DatasourceConfiguration.class);
            assertThat(pool.getMaximumPoolSize()).as("a setting given overrides Huddle's default").isEqualTo(2);
            assertThat(pool.getPoolName()).as("a setting not given keeps Huddle's default").isEqualTo("huddle");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sqliteTimesAreStoredAsTheIsoTextTheSchemasDefaultsWrite(Engine engine) throws SQLException {
        TestDatabase db = TestDatabases.fresh(engine);
        createProbeTable(db);
        Instant time = Instant.parse("2026-01-02T03:04:05.678Z");
        try (ApplicationContext context = ApplicationContext.run(Map.of("huddle.database.url", db.url()))) {
            context.getBean(ProbeRepository.class).save(new Probe(UUID.randomUUID(), "one", time));
        }
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select seen_at from data_access_probe")) {
            rows.next();
            String stored = rows.getString(1);
            if (engine == Engine.SQLITE) {
                assertThat(Instant.parse(stored)).isEqualTo(time);
                assertThat(stored).startsWith("2026-01-02T");
            } else {
                assertThat(stored).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void plainJdbcOutsideAnyTransactionGetsItsOwnConnectionAndSqliteWritesAheadOfItsLog(Engine engine) throws SQLException {
        TestDatabase db = TestDatabases.fresh(engine);
        try (ApplicationContext context = ApplicationContext.run(Map.of("huddle.database.url", db.url()))) {
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                 Statement statement = connection.createStatement();
                 var rows = statement.executeQuery(engine == Engine.SQLITE ? "pragma journal_mode" : "select 'n/a'")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(engine == Engine.SQLITE ? "wal" : "n/a");
            }
        }
    }

    private static void createProbeTable(TestDatabase db) throws SQLException {
        String ddl = db.engine() == Engine.POSTGRESQL
                ? "create table data_access_probe (id uuid primary key, label text not null, seen_at timestamptz not null)"
                : "create table data_access_probe (id TEXT primary key, label TEXT NOT NULL, seen_at TEXT NOT NULL)";
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
