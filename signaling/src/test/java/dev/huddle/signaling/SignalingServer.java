package dev.huddle.signaling;

import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.authhmac.session.IssuedSession;
import dev.huddle.authhmac.session.SessionIssuer;
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
import java.util.List;
import java.util.Map;

/**
 * The signaling module served over HTTP on a migrated test database, and clients that sign every request with a
 * session of their own, as real clients do (auth-hmac's filter checks each one).
 */
final class SignalingServer implements AutoCloseable {
    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private SignalingServer(EmbeddedServer server) {
        this.server = server;
    }

    static SignalingServer start(TestDatabase database) {
        return new SignalingServer(SignalingContext.server(database));
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** Where a path of this server is, for requests sent without a client. */
    URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** A client with a new session of its own; {@code admin} gives it an admin session. */
    Client client(String name, boolean admin) {
        IssuedSession session = context().getBean(SessionIssuer.class).issue(name, name + "-device", admin);
        return new Client(new RequestSigner(session.id(), session.secret()));
    }

    @Override
    public void close() {
        server.close();
    }

    /** One signed-in client. */
    final class Client {
        private final RequestSigner signer;

        private Client(RequestSigner signer) {
            this.signer = signer;
        }

        Reply get(String path) {
            return send("GET", path, null);
        }

        Reply post(String path, String json) {
            return send("POST", path, json);
        }

        Reply delete(String path) {
            return send("DELETE", path, null);
        }

        /** This client's signaling user id. */
        String userId() {
            return get("/api/signaling/users/me").expect(200).text("id");
        }

        Reply send(String method, String path, String json) {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json");
            signer.sign(method, path, body).asMap().forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(method + " " + path, response.statusCode(), parse(response.body()));
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Object parse(String body) throws IOException {
        return body == null || body.isEmpty() ? null : context().getBean(JsonMapper.class).readValue(body, Object.class);
    }

    /** A response: its status and its JSON body (a map, a list, or null when empty). */
    record Reply(String request, int status, Object body) {

        Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + " answered " + status + ", not " + expected + ": " + body);
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        String text(String field) {
            return (String) map().get(field);
        }

        Object reason() {
            return map().get("reason");
        }
    }
}
