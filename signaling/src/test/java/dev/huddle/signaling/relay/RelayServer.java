package dev.huddle.signaling.relay;

import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.signaling.room.Room;
import dev.huddle.signaling.room.RoomAdmission;
import dev.huddle.signaling.room.RoomRepository;
import dev.huddle.signaling.user.SignalingUsers;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One app instance for relay tests: the signaling module served on a free loopback port over a migrated test
 * database, with helpers that do what a client does (a session, a room, a signed WebSocket handshake).
 */
final class RelayServer implements AutoCloseable {
    /** A fixed test key (32 bytes, base64), the same on every instance of one test. */
    static final String SERVER_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedServer server;

    private RelayServer(EmbeddedServer server) {
        this.server = server;
    }

    static RelayServer start(TestDatabase database) {
        return start(database, Map.of());
    }

    static RelayServer start(TestDatabase database, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("huddle.database.url", database.url());
        settings.put("huddle.auth.server-key", SERVER_KEY);
        settings.put("datasources.default.maximum-pool-size", 4);
        settings.put("micronaut.server.port", -1);
        RelayServer relay = new RelayServer(ApplicationContext.run(EmbeddedServer.class, settings));
        ServerSettingsService serverSettings = relay.context().getBean(ServerSettingsService.class);
        serverSettings.update(serverSettings.current().serverName(), RegistrationMode.OPEN);
        return relay;
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    /** A client: a new session from {@code POST /api/sessions}, and the signaling user it is. */
    Client newClient(String name) {
        String body = "{\"name\":\"" + name + "\",\"deviceId\":\"" + name + "-device\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Map<String, Object> session = json(send(request, 201));
        String id = (String) session.get("id");
        UUID user = context().getBean(SignalingUsers.class).userIdOf(new SignedSession(id, name, name + "-device",
                Instant.now().plus(1, ChronoUnit.DAYS), false));
        return new Client(new RequestSigner(id, (String) session.get("secret")), user);
    }

    UUID openRoom(Client creator) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Room room = new Room(UUID.randomUUID(), "room-" + UUID.randomUUID(), false, null, creator.user(), now, now, null);
        return context().getBean(RoomRepository.class).save(room).id();
    }

    void join(UUID room, Client... clients) {
        for (Client client : clients) {
            if (!context().getBean(RoomAdmission.class).join(room, client.user()).admitted()) {
                throw new AssertionError(client.user() + " could not join " + room);
            }
        }
    }

    /** Opens a signed relay connection; fails the test if the handshake is refused. */
    TestPeer connect(Client client, UUID room, String query) {
        String path = "/signaling/rooms/" + room + "/ws" + (query == null ? "" : "?" + query);
        return open(path, signedHeaders(client, path));
    }

    TestPeer connect(Client client, UUID room) {
        return connect(client, room, null);
    }

    /** Opens a relay connection with these handshake headers and waits until it has joined. */
    TestPeer open(String path, Map<String, String> headers) {
        TestPeer peer = socket(path, headers);
        peer.awaitWelcome();
        return peer;
    }

    /** A connection expected to be refused: the error frame's reason and message, and the close code. */
    Refused refusedConnection(String path, Map<String, String> headers) {
        try (TestPeer peer = socket(path, headers)) {
            Map<String, Object> error = peer.await(frame -> "error".equals(frame.get("type")) || "welcome".equals(frame.get("type")),
                    "an error frame");
            if (!"error".equals(error.get("type"))) {
                throw new AssertionError("The connection to " + path + " was admitted");
            }
            return new Refused(peer.awaitClose(), (String) error.get("reason"), (String) error.get("message"));
        }
    }

    private TestPeer socket(String path, Map<String, String> headers) {
        TestPeer peer = new TestPeer(context().getBean(JsonMapper.class));
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        try {
            peer.attach(builder.buildAsync(URI.create("ws://127.0.0.1:" + server.getPort() + path), peer)
                    .get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("WebSocket connection to " + path + " failed: " + e, e);
        }
        return peer;
    }

    /** Headers that sign a GET of the path for the client. */
    static Map<String, String> signedHeaders(Client client, String path) {
        return client.signer().sign("GET", path, new byte[0]).asMap();
    }

    private String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Map<String, Object> json(String text) {
        try {
            return context().getBean(JsonMapper.class).readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** A signed-in client: how it signs, and its signaling user id. */
    record Client(RequestSigner signer, UUID user) {
    }

    /** A refused connection: the close code (4000 + status), the reason code and the message. */
    record Refused(int closeCode, String reason, String message) {
    }
}
