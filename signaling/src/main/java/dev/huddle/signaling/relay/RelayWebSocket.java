package dev.huddle.signaling.relay;

import dev.huddle.authhmac.signing.SignatureHeaders;
import dev.huddle.signaling.relay.handshake.HandshakeRefusal;
import dev.huddle.signaling.relay.handshake.PeerAuthenticator;
import dev.huddle.signaling.relay.handshake.PeerAuthenticator.Outcome;
import dev.huddle.signaling.relay.handshake.RelayPaths;
import dev.huddle.signaling.relay.wire.RelayMessage;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * The relay's endpoint, {@code /signaling/rooms/{roomId}/ws}. Each connection is checked ({@link PeerAuthenticator})
 * on the blocking pool right after the upgrade, never on the event loop; an admitted peer joins the room, a refused
 * one gets an {@code error} frame with the reason and fix, then a close with code 4000 + the HTTP-like status.
 * (Checking in an HTTP filter before the upgrade would answer with a plain status, but Micronaut 4.10 then
 * mis-routes frames a client sends right after the upgrade: ClassCastException in RoutingInBoundHandler.)
 */
@ServerWebSocket(RelayPaths.PREFIX + "{roomId}" + RelayPaths.SUFFIX)
public class RelayWebSocket {
    private static final Logger LOG = LoggerFactory.getLogger(RelayWebSocket.class);
    private static final String CONNECTION = "huddle.signaling.connection";
    /** The handshake headers authentication reads; copied, since the request does not outlive the upgrade. */
    private static final List<String> AUTH_HEADERS = List.of(PeerAuthenticator.API_KEY_HEADER, SignatureHeaders.SESSION,
            SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE);

    private final RoomRelay relay;
    private final PeerAuthenticator authenticator;
    private final ExecutorService blocking;
    private final JsonMapper json;

    public RelayWebSocket(RoomRelay relay, PeerAuthenticator authenticator,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking, JsonMapper json) {
        this.relay = relay;
        this.authenticator = authenticator;
        this.blocking = blocking;
        this.json = json;
    }

    @OnOpen
    public void open(String roomId, WebSocketSession session, HttpRequest<?> request) {
        RelayConnection connection = new RelayConnection();
        session.put(CONNECTION, connection);
        String method = request.getMethodName();
        URI uri = request.getUri();
        Map<String, String> headers = copy(request.getHeaders());
        // The connection's event loop, where the relay hands it what arrives from the bus (RoomRelay).
        Executor loop = request instanceof NettyHttpRequest<?> netty
                ? netty.getChannelHandlerContext().channel().eventLoop() : null;
        blocking.execute(() -> admit(connection, session, loop, method, uri, headers));
    }

    @OnMessage(maxPayloadLength = 262_144)
    public void message(String roomId, String text, WebSocketSession session) {
        connection(session).ifPresent(connection -> connection.frame(text, relay));
    }

    @OnClose
    public void close(String roomId, WebSocketSession session) {
        connection(session).ifPresent(connection -> connection.close(relay));
    }

    private void admit(RelayConnection connection, WebSocketSession session, Executor loop, String method, URI uri,
                       Map<String, String> headers) {
        Outcome outcome;
        try {
            outcome = authenticator.authenticate(method, uri, headers::get, Instant.now());
        } catch (RuntimeException e) {
            LOG.error("Could not check a relay connection to {}", uri.getRawPath(), e);
            outcome = new Outcome(null, new HandshakeRefusal(503, "unavailable", "The server could not check this "
                    + "connection now; try again shortly."));
        }
        if (outcome.refusal() == null) {
            connection.admit(new RelayPeer(outcome.peer().room(), outcome.peer().user(), session, loop), outcome.peer().since(),
                    relay);
            return;
        }
        connection.refuse();
        HandshakeRefusal refusal = outcome.refusal();
        LOG.debug("Refused relay connection to {}: {}", uri.getRawPath(), refusal.reason());
        RelayMessage error = RelayMessage.error(RelayPaths.roomIdOrNull(uri.getRawPath()), null, refusal.reason(),
                refusal.message());
        try {
            session.sendSync(json.writeValueAsString(error));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not tell a refused relay connection why: {}", e.getMessage());
        }
        session.close(new CloseReason(refusal.closeCode(), refusal.reason()));
    }

    private static Map<String, String> copy(HttpHeaders headers) {
        Map<String, String> copied = new HashMap<>();
        for (String name : AUTH_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                copied.put(name, value);
            }
        }
        return copied;
    }

    private static Optional<RelayConnection> connection(WebSocketSession session) {
        return session.get(CONNECTION, RelayConnection.class);
    }
}
