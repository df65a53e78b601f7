package dev.huddle.authhmac.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature scheme, shared by the server's check and the client's signer so that they cannot drift apart: the
 * canonical request {@code METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nHEX_SHA256_OF_BODY}, signed with HMAC-SHA256
 * keyed by the session secret's UTF-8 bytes, written as lowercase hex.
 */
public final class Signature {
    private static final HexFormat HEX = HexFormat.of();

    private Signature() {
    }

    public static String canonicalRequest(String method, String pathWithQuery, long timestamp, String nonce, byte[] body) {
        return method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    public static String hmacHex(String secret, String canonicalRequest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the signatures are equal, in time that does not depend on where they differ. */
    public static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
