package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The server offers /health and no other management endpoint: none answers an empty 401 any more. */
class ManagementEndpointsIT {

    @Test
    void onlyHealthIsServedAndTheOtherManagementEndpointsDoNotExist() {
        Map<String, Object> properties = Map.of("huddle.database.url", TestDatabases.fresh(Engine.SQLITE).url(),
                "micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
             HttpClient client = HttpClient.create(server.getURL())) {
            HttpResponse<String> health = client.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
            assertThat(health.status().getCode()).isEqualTo(200);

            for (String path : new String[] {"/info", "/routes", "/beans", "/loggers", "/refresh", "/threaddump", "/env", "/stop"}) {
                HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                        () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
                assertThat(refused).as(path).isNotNull();
                assertThat(refused.getStatus().getCode()).as(path).isEqualTo(404);
            }
        }
    }
}
