package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /migrations}: the operator's view of every migration and the in-memory tables, closed unless opened. */
class MigrationsEndpointIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsEveryMigrationWithItsStateAndTimesOnceOpened(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = start(database, Map.of("endpoints.migrations.sensitive", false));
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
        try (EmbeddedServer server = start(database, Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.GET("/migrations"), Map.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat((Object) e.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED));
        }
    }

    private static EmbeddedServer start(TestDatabase database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("huddle.database.url", database.url());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
