package dev.huddle.authhmac.client;

import dev.huddle.authhmac.signing.Signature;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs requests as a Huddle client must: the four {@code X-Huddle-*} headers for one request of one client session.
 * Tests, the benchmark and Java clients use it; the README's worked example shows what it computes.
 */
public final class RequestSigner {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String sessionId;
    private final String secret;

    /** @param secret the secret {@code POST /api/sessions} returned with the session's id */
    public RequestSigner(String sessionId, String secret) {
        this.sessionId = sessionId;
        this.secret = secret;
    }

    /** Headers for a request sent now, with a fresh random nonce. */
    public SignedHeaders sign(String method, String pathWithQuery, byte[] body) {
        return sign(method, pathWithQuery, body, Instant.now().getEpochSecond(), newNonce());
    }

    /** Headers for a request with the given timestamp (Unix seconds) and nonce (16 to 64 characters). */
    public SignedHeaders sign(String method, String pathWithQuery, byte[] body, long timestamp, String nonce) {
        String canonical = Signature.canonicalRequest(method, pathWithQuery, timestamp, nonce, body);
        return new SignedHeaders(sessionId, timestamp, nonce, Signature.hmacHex(secret, canonical));
    }

    /** 32 random lowercase hex characters. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
