package dev.huddle.authhmac;

import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The auth-hmac module served over HTTP on a migrated test database, and a plain HTTP client that sends exactly the
 * bytes a test signs.
 */
final class AuthServer implements AutoCloseable {
    /** A fixed test key (32 bytes, base64); production keys come from configuration or the data folder. */
    static final String SERVER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The admin bootstrap token every test server is configured with. */
    static final String ADMIN_TOKEN = "test-admin-bootstrap-token-0123456789abcdef";

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private AuthServer(EmbeddedServer server) {
        this.server = server;
    }

    /** A server whose registration is open: most tests are not about who may register. */
    static AuthServer start(TestDatabase db) {
        return start(db, Map.of("huddle.auth.server-key", SERVER_KEY));
    }

    static AuthServer start(TestDatabase db, Map<String, Object> settings) {
        AuthServer server = startAsMigrated(db, settings);
        ServerSettingsService serverSettings = server.context().getBean(ServerSettingsService.class);
        serverSettings.update(serverSettings.current().serverName(), RegistrationMode.OPEN);
        return server;
    }

    /** A server with the settings its migrations wrote: registration {@code invite_only}. */
    static AuthServer startAsMigrated(TestDatabase db) {
        return startAsMigrated(db, Map.of("huddle.auth.server-key", SERVER_KEY));
    }

    static AuthServer startAsMigrated(TestDatabase db, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("huddle.database.url", db.url());
        properties.put("micronaut.server.port", -1);
        properties.putIfAbsent("datasources.default.maximum-pool-size", 4);
        properties.putIfAbsent("huddle.auth.admin-bootstrap-token", ADMIN_TOKEN);
        return new AuthServer(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** A new client session, as a client gets it. */
    Session createSession(String name, String deviceId) {
        return createSession(Map.of("name", name, "deviceId", deviceId));
    }

    /** The server's first admin session, made with the bootstrap token. */
    Session createAdminSession() {
        return createSession(Map.of("name", "admin", "deviceId", "admin-device", "adminToken", ADMIN_TOKEN));
    }

    /** A session from {@code POST /api/sessions} with this body, which must be accepted. */
    Session createSession(Map<String, String> request) {
        Answer answer = send("POST", "/api/sessions", json(request), Map.of());
        if (answer.status() != 201) {
            throw new AssertionError("POST /api/sessions answered " + answer.status() + ": " + answer.body());
        }
        return new Session((String) answer.body().get("id"), (String) answer.body().get("secret"));
    }

    /** A request signed now by the session, with a fresh nonce. */
    Answer signed(Session session, String method, String pathWithQuery, byte[] body) {
        return send(method, pathWithQuery, body, session.signer().sign(method, pathWithQuery, body).asMap());
    }

    Answer send(String method, String pathWithQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + pathWithQuery))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new AssertionError("HTTP " + method + " " + pathWithQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Object parse(byte[] body) throws IOException {
        return body.length == 0 ? Map.of() : context().getBean(JsonMapper.class).readValue(body, Object.class);
    }

    byte[] json(Object value) {
        try {
            return context().getBean(JsonMapper.class).writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }

    record Session(String id, String secret) {
        RequestSigner signer() {
            return new RequestSigner(id, secret);
        }
    }

    /** The status and the parsed JSON answer: an object ({@link #body()}) or an array ({@link #items()}). */
    record Answer(int status, Object json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body() {
            return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return json instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        }

        Object reason() {
            return body().get("reason");
        }
    }
}
