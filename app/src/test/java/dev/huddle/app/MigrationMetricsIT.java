package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /prometheus}: migration counts per state and the boot's migration times per module, closed unless opened. */
class MigrationMetricsIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exposesMigrationCountsAndTheBootsDurationsPerModuleOnceOpened(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of("endpoints.prometheus.sensitive", false));
             HttpClient client = HttpClient.create(server.getURL())) {
            String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);

            assertThat(metrics).contains("huddle_migrations{state=\"applied\"} " + ShippedMigrations.count(engine) + ".0",
                    "huddle_migrations{state=\"pending\"} 0.0", "huddle_migrations{state=\"failed\"} 0.0",
                    "huddle_migration_duration_seconds_count{module=\"meetings\"} ", "huddle_migration_duration_seconds_count{module=\"signaling\"} ");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void isSensitiveByDefault(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            TestServers.assertUnauthorized(client, "/prometheus");
            TestServers.assertUnauthorized(client, "/metrics");
        }
    }

}
