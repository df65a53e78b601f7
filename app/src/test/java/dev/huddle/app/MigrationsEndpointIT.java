package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /migrations}: the operator's view of every migration and the in-memory tables, closed unless opened. */
class MigrationsEndpointIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsEveryMigrationWithItsStateAndTimesOnceOpened(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of("endpoints.migrations.sensitive", false));
             HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> view = client.toBlocking().retrieve(HttpRequest.GET("/migrations"), Map.class);

            List<?> migrations = (List<?>) view.get("migrations");
            assertThat(migrations).hasSizeGreaterThanOrEqualTo(18);
            Map<?, ?> first = (Map<?, ?>) migrations.get(0);
            assertThat(first.keySet().toString()).contains("module", "version", "state", "installedOn", "executionTimeMs");
            assertThat(first.get("state")).isEqualTo("applied");
            assertThat(first.get("installedOn")).isNotNull();
            assertThat(view.get("inMemoryTables").toString()).contains("external_sessions", "auth-hmac");
            assertThat(((Map<?, ?>) view.get("summary")).get("pending")).isEqualTo(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void isSensitiveByDefault(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            TestServers.assertUnauthorized(client, "/migrations");
        }
    }

}
