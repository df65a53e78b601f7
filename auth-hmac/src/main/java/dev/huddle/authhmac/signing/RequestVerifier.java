package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.AuthConfiguration;
import dev.huddle.authhmac.crypto.SecretCipher;
import dev.huddle.authhmac.session.ClientSession;
import dev.huddle.authhmac.session.ClientSessionRepository;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a request's signature holds, cheapest checks first: headers, clock, session, signature, and last
 * the nonce, so that only a correctly signed request can use one up.
 */
@Singleton
public class RequestVerifier {
    static final int SHORTEST_NONCE = 16;
    static final int LONGEST_NONCE = 64;

    private final ClientSessionRepository sessions;
    private final NonceCacheRepository nonces;
    private final SecretCipher cipher;
    private final AuthConfiguration configuration;

    public RequestVerifier(ClientSessionRepository sessions, NonceCacheRepository nonces, SecretCipher cipher,
                           AuthConfiguration configuration) {
        this.sessions = sessions;
        this.nonces = nonces;
        this.cipher = cipher;
        this.configuration = configuration;
    }

    /** What one request presented; any header may be null. */
    public record SignedRequest(String method, String pathWithQuery, String session, String timestamp, String nonce,
                                String signature, byte[] body) {
    }

    /** The session the request proved, or why it is refused. */
    public record Verdict(SignedSession session, Refusal refusal) {
        static Verdict refused(String reason, String message) {
            return new Verdict(null, new Refusal(reason, message));
        }
    }

    public Verdict verify(SignedRequest request, Instant now) {
        String missing = missingHeader(request);
        if (missing != null) {
            return Verdict.refused(Refusal.MISSING_HEADER, missing);
        }
        String nonce = request.nonce().strip();
        if (nonce.length() < SHORTEST_NONCE || nonce.length() > LONGEST_NONCE) {
            return Verdict.refused(Refusal.MISSING_HEADER, SignatureHeaders.NONCE + " must be " + SHORTEST_NONCE + " to "
                    + LONGEST_NONCE + " characters, new for every request");
        }
        Long timestamp = parseTimestamp(request.timestamp());
        if (timestamp == null) {
            return Verdict.refused(Refusal.MISSING_HEADER, SignatureHeaders.TIMESTAMP + " must be the request time in "
                    + "whole Unix seconds");
        }
        long window = configuration.getSignatureWindow().toSeconds();
        if (Math.abs(now.getEpochSecond() - timestamp) > window) {
            return Verdict.refused(Refusal.STALE_TIMESTAMP, SignatureHeaders.TIMESTAMP + " is more than " + window
                    + " s from the server's time (" + now.getEpochSecond() + "): sign with the current time and check "
                    + "the client's clock");
        }
        Optional<ClientSession> found = parseSessionId(request.session()).flatMap(sessions::findById);
        if (found.isEmpty()) {
            return Verdict.refused(Refusal.UNKNOWN_SESSION, "No client session " + request.session().strip()
                    + ": create one with POST /api/sessions");
        }
        ClientSession session = found.get();
        if (session.isExpired(now)) {
            return Verdict.refused(Refusal.EXPIRED_SESSION, "Client session " + session.id() + " expired at "
                    + session.expiresAt() + ": create a new one with POST /api/sessions");
        }
        String secret = new String(cipher.decrypt(session.id(), session.secretCiphertext()), StandardCharsets.UTF_8);
        String expected = Signature.hmacHex(secret, Signature.canonicalRequest(request.method(), request.pathWithQuery(),
                timestamp, nonce, request.body()));
        if (!Signature.matches(expected, request.signature().strip())) {
            return Verdict.refused(Refusal.BAD_SIGNATURE, SignatureHeaders.SIGNATURE + " does not match the request: sign "
                    + "METHOD\\nPATH_WITH_QUERY\\nTIMESTAMP\\nNONCE\\nHEX_SHA256_OF_BODY with the session's secret "
                    + "(lowercase hex HMAC-SHA256)");
        }
        // Kept for as long as the same timestamp would pass the clock check; after that a replay is refused as stale.
        Instant expiresAt = Instant.ofEpochSecond(timestamp + window);
        if (nonces.insertIfNew(session.id(), nonce, now, expiresAt) == 0) {
            return Verdict.refused(Refusal.REPLAYED_NONCE, SignatureHeaders.NONCE + " was already used with this "
                    + "session: use a new random nonce for every request");
        }
        return new Verdict(new SignedSession(session.id().toString(), session.clientId(), session.deviceId(),
                session.expiresAt(), session.admin()), null);
    }

    private static String missingHeader(SignedRequest request) {
        String[][] headers = {{SignatureHeaders.SESSION, request.session()}, {SignatureHeaders.TIMESTAMP, request.timestamp()},
                {SignatureHeaders.NONCE, request.nonce()}, {SignatureHeaders.SIGNATURE, request.signature()}};
        for (String[] header : headers) {
            if (header[1] == null || header[1].isBlank()) {
                return header[0] + " is missing: every /api request but POST /api/sessions is signed (README, "
                        + "\"Signed requests\")";
            }
        }
        return null;
    }

    private static Long parseTimestamp(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<UUID> parseSessionId(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
