package dev.huddle.app;

import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app served in the test JVM on a free port against a test database, for the management endpoints' tests. */
final class TestServers {
    private TestServers() {
    }

    static EmbeddedServer start(TestDatabase database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("huddle.database.url", database.url());
        properties.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** A sensitive endpoint answers 401 while no security is configured and nothing opened it. */
    static void assertUnauthorized(HttpClient client, String path) {
        assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.GET(path), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat((Object) e.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }
}
