package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huddle.health.drift=true}: /health compares the live schema with the migrations' and says how they differ. */
class HealthDriftIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsDriftOnlyWhenAskedAndStaysUp(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of("huddle.health.drift", true));
             HttpClient client = patientClient(server)) {
            Map<?, ?> clean = drift(client);
            assertThat(clean.get("clean")).as(clean.toString()).isEqualTo(true);

            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("alter table meetings add column changed_by_hand text");
            }
            Map<?, ?> drifted = drift(client);
            String health = client.toBlocking().retrieve(HttpRequest.GET("/health"), String.class);

            assertThat(drifted.get("clean")).isEqualTo(false);
            assertThat(drifted.get("differences")).isEqualTo(1);
            assertThat(drifted.get("modules").toString()).contains("meetings", "extra column meetings.changed_by_hand");
            assertThat(health).contains("\"status\":\"UP\"");
        }
        try (EmbeddedServer server = TestServers.start(TestDatabases.fresh(engine), Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(migrations(client).containsKey("drift")).isFalse();
        }
    }

    /** The first drift check derives the expected schema (a scratch database on PostgreSQL): slow on a loaded machine. */
    private static HttpClient patientClient(EmbeddedServer server) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofMinutes(2));
        return HttpClient.create(server.getURL(), configuration);
    }

    private static Map<?, ?> drift(HttpClient client) {
        return (Map<?, ?>) migrations(client).get("drift");
    }

    private static Map<?, ?> migrations(HttpClient client) {
        Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        Map<?, ?> indicator = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("migrations");
        return (Map<?, ?>) indicator.get("details");
    }

}
