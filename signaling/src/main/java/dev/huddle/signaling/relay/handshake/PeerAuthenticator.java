package dev.huddle.signaling.relay.handshake;

import dev.huddle.authhmac.signing.RequestVerifier;
import dev.huddle.authhmac.signing.RequestVerifier.SignedRequest;
import dev.huddle.authhmac.signing.RequestVerifier.Verdict;
import dev.huddle.authhmac.signing.SignatureHeaders;
import dev.huddle.signaling.apikey.ApiKeyIdentity;
import dev.huddle.signaling.apikey.ApiKeyVerifier;
import dev.huddle.signaling.room.Admission;
import dev.huddle.signaling.room.RoomAdmission;
import dev.huddle.signaling.user.SignalingUsers;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Decides whether a WebSocket connection may relay, from its handshake, in the order that costs least first: the room
 * id and cursor in the URL, then who the caller is (an API key in {@value #API_KEY_HEADER}, else a signed request as
 * for {@code /api/**}: the handshake is a GET with an empty body), then the room admission (member, not banned, room
 * open). It reads the database, so it runs on the blocking pool. The path lies outside {@code /api/**}, where every
 * request must be signed and a server holding an API key could not connect.
 */
@Singleton
public class PeerAuthenticator {
    public static final String API_KEY_HEADER = "X-Huddle-Api-Key";
    private static final byte[] NO_BODY = new byte[0];

    private final RequestVerifier signatures;
    private final ApiKeyVerifier apiKeys;
    private final SignalingUsers users;
    private final RoomAdmission admission;

    public PeerAuthenticator(RequestVerifier signatures, ApiKeyVerifier apiKeys, SignalingUsers users,
                             RoomAdmission admission) {
        this.signatures = signatures;
        this.apiKeys = apiKeys;
        this.users = users;
        this.admission = admission;
    }

    /**
     * The admitted peer, or why not; {@code uri} is the request target as sent (it is what a signature covers) and
     * {@code headers} answers a handshake header's value by name, null when absent.
     */
    public Outcome authenticate(String method, URI uri, UnaryOperator<String> headers, Instant now) {
        Optional<UUID> room = RelayPaths.roomId(uri.getRawPath());
        if (room.isEmpty()) {
            return Outcome.refused(404, "room_not_found", "The path must be /signaling/rooms/<room id>/ws with the room's "
                    + "id (a UUID).");
        }
        UUID since;
        try {
            since = RelayPaths.since(uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return Outcome.refused(400, "bad_cursor", e.getMessage());
        }
        UUID user;
        String apiKey = headers.apply(API_KEY_HEADER);
        if (apiKey != null) {
            Optional<ApiKeyIdentity> key = apiKeys.verify(apiKey.strip());
            if (key.isEmpty()) {
                return Outcome.refused(401, "bad_api_key", API_KEY_HEADER + " is not a valid API key (unknown, revoked or "
                        + "mistyped): create one with POST /api/admin/signaling/api-keys.");
            }
            user = users.userIdOf(key.get());
        } else {
            Verdict verdict = signatures.verify(new SignedRequest(method, pathWithQuery(uri), headers.apply(SignatureHeaders.SESSION),
                    headers.apply(SignatureHeaders.TIMESTAMP), headers.apply(SignatureHeaders.NONCE),
                    headers.apply(SignatureHeaders.SIGNATURE), NO_BODY), now);
            if (verdict.refusal() != null) {
                return Outcome.refused(401, verdict.refusal().reason(), verdict.refusal().message()
                        + " (or send an API key in " + API_KEY_HEADER + ")");
            }
            user = users.userIdOf(verdict.session());
        }
        Admission answer = admission.admit(room.get(), user);
        if (!answer.admitted()) {
            return Outcome.refused(statusOf(answer.refusal()), answer.refusal().code(), answer.message());
        }
        return new Outcome(new AdmittedPeer(room.get(), user, since), null);
    }

    private static int statusOf(Admission.Refusal refusal) {
        return switch (refusal) {
            case ROOM_NOT_FOUND -> 404;
            case ROOM_CLOSED -> 410;
            case BANNED, NOT_A_MEMBER, ROOM_FULL -> 403;
        };
    }

    private static String pathWithQuery(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Exactly one of the two is set. */
    public record Outcome(AdmittedPeer peer, HandshakeRefusal refusal) {
        static Outcome refused(int status, String reason, String message) {
            return new Outcome(null, new HandshakeRefusal(status, reason, message));
        }
    }
}
