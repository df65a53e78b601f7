package dev.huddle.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs API requests as issue #12 specifies: {@code X-Huddle-Signature} is the lowercase hex HMAC-SHA256, keyed with the
 * session secret, of {@code METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nHEX_SHA256_OF_BODY}. One per load thread (a
 * {@link Mac} is not thread-safe); signing is part of each timed request, as it is for a real client.
 */
final class RequestSigner {
    private static final HexFormat HEX = HexFormat.of();

    private final String sessionId;
    private final Mac mac;
    private final MessageDigest sha256;
    private final SecureRandom random = new SecureRandom();

    RequestSigner(String sessionId, String secret) {
        this.sessionId = sessionId;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot compute HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    /** The four headers that sign this request. */
    Map<String, String> headers(String method, String pathWithQuery, byte[] body) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HEX.formatHex(nonceBytes);
        String canonical = method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + nonce + "\n" + HEX.formatHex(sha256.digest(body));
        String signature = HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        return Map.of("X-Huddle-Session", sessionId, "X-Huddle-Timestamp", timestamp, "X-Huddle-Nonce", nonce,
                "X-Huddle-Signature", signature);
    }
}
