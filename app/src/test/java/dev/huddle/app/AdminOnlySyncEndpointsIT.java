package dev.huddle.app;

import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * events-sync's sync endpoints, served by the whole app, answer only admin sessions: auth-hmac's signature filter
 * requires one under every {@code /api/admin/} path, whichever module serves it.
 */
class AdminOnlySyncEndpointsIT {
    private static final String RUNS = "/api/admin/events-sync/runs";
    private static final String ADMIN_TOKEN = "app-test-admin-bootstrap-token-0123456789";
    private static final byte[] NO_BODY = new byte[0];

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onlyAnAdminSessionSeesOrStartsSyncRuns(Engine engine) throws Exception {
        Map<String, Object> properties = Map.of("huddle.database.url", TestDatabases.fresh(engine).url(),
                "micronaut.server.port", -1, "huddle.auth.server-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "huddle.auth.admin-bootstrap-token", ADMIN_TOKEN);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            String base = server.getURL().toString();
            JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
            RequestSigner admin = session(base, json, "{\"name\":\"admin\",\"deviceId\":\"d-1\",\"adminToken\":\"" + ADMIN_TOKEN + "\"}");
            put(base, admin, "/api/admin/settings", "{\"serverName\":\"Huddle\",\"registrationMode\":\"open\"}");
            RequestSigner ordinary = session(base, json, "{\"name\":\"laptop\",\"deviceId\":\"d-2\"}");

            assertThat(send(base, ordinary, "GET", RUNS, NO_BODY).statusCode()).isEqualTo(403);
            assertThat(send(base, ordinary, "POST", RUNS, NO_BODY).statusCode()).isEqualTo(403);
            assertThat(send(base, null, "GET", RUNS, NO_BODY).statusCode()).isEqualTo(401);
            HttpResponse<String> runs = send(base, admin, "GET", RUNS, NO_BODY);
            assertThat(runs.statusCode()).isEqualTo(200);
            assertThat(runs.body()).isEqualTo("[]");
            // No Airtable is configured: the run is refused or fails, but the admin got past the door.
            assertThat(send(base, admin, "POST", RUNS, NO_BODY).statusCode()).isNotIn(401, 403);
        }
    }

    private RequestSigner session(String base, JsonMapper json, String request) throws Exception {
        HttpResponse<String> created = send(base, null, "POST", "/api/sessions", request.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> session = json.readValue(created.body(), Argument.mapOf(String.class, Object.class));
        return new RequestSigner((String) session.get("id"), (String) session.get("secret"));
    }

    private void put(String base, RequestSigner signer, String path, String body) throws Exception {
        HttpResponse<String> answer = send(base, signer, "PUT", path, body.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String base, RequestSigner signer, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (signer != null) {
            signer.sign(method, path, body).asMap().forEach(request::header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
