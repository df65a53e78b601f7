package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Drift as the app reports it: in /health when {@code huddle.health.drift=true}, and on request at
 * {@code /migrations/drift}, which is as closed as /migrations; one check's answer is kept for the cache period.
 */
class HealthDriftIT {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsDriftInHealthOnlyWhenAskedAndStaysUp(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        try (EmbeddedServer server = TestServers.start(database, Map.of("huddle.health.drift", true, "huddle.health.drift-cache", "0s"));
             HttpClient client = patientClient(server)) {
            Map<?, ?> clean = drift(client);
            assertThat(clean.get("clean")).as(clean.toString()).isEqualTo(true);

            addColumnByHand(database);
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

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsDriftOnRequestAtMigrationsDriftWithoutTheHealthSetting(Engine engine) throws Exception {
        List<Map<?, ?>> checks = driftBeforeAndAfterAHandChange(engine, "0s");

        assertThat(checks.get(0).get("clean")).as(checks.get(0).toString()).isEqualTo(true);
        assertThat(checks.get(0).get("checkedAt")).isNotNull();
        assertThat(checks.get(1).get("clean")).isEqualTo(false);
        assertThat(checks.get(1).get("modules").toString()).contains("meetings", "extra column meetings.changed_by_hand");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void driftOnRequestIsClosedLikeMigrations(Engine engine) {
        try (EmbeddedServer server = TestServers.start(TestDatabases.fresh(engine), Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            TestServers.assertUnauthorized(client, "/migrations/drift");
        }
    }

    /** Within the cache period every request gets the first check's answer: a loop of requests runs one comparison. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersFromTheLastCheckWithinTheCachePeriod(Engine engine) throws Exception {
        List<Map<?, ?>> checks = driftBeforeAndAfterAHandChange(engine, "1h");

        assertThat(checks.get(1)).isEqualTo(checks.get(0));
        assertThat(checks.get(1).get("clean")).isEqualTo(true);
    }

    /**
     * {@code /migrations/drift} (opened) before and after a column is added by hand, with this cache period; on the way,
     * another part of /migrations is 404 and /health says nothing of drift.
     */
    private static List<Map<?, ?>> driftBeforeAndAfterAHandChange(Engine engine, String cache) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Map<String, Object> opened = Map.of("endpoints.migrations.sensitive", false, "huddle.health.drift-cache", cache);
        try (EmbeddedServer server = TestServers.start(database, opened); HttpClient client = patientClient(server)) {
            Map<?, ?> before = client.toBlocking().retrieve(HttpRequest.GET("/migrations/drift"), Map.class);
            addColumnByHand(database);
            Map<?, ?> after = client.toBlocking().retrieve(HttpRequest.GET("/migrations/drift"), Map.class);
            HttpClientResponseException otherPart = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().retrieve(HttpRequest.GET("/migrations/nothing"), Map.class));

            assertThat(otherPart.getStatus().getCode()).isEqualTo(404);
            assertThat(migrations(client).containsKey("drift")).isFalse();
            return List.of(before, after);
        }
    }

    private static void addColumnByHand(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("alter table meetings add column changed_by_hand text");
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
