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
    /** The MAC, also the algorithm name of a session's key. */
    public static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** A Mac per thread: looking one up through the security providers costs more than the MAC of a request. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(Signature::newMac);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Signature::newSha256);

    private Signature() {
    }

    public static String canonicalRequest(String method, String pathWithQuery, long timestamp, String nonce, byte[] body) {
        return method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    public static String hmacHex(String secret, String canonicalRequest) {
        return hmacHex(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), canonicalRequest);
    }

    /** As {@link #hmacHex(String, String)} with the secret's UTF-8 bytes already made a key. */
    public static String hmacHex(SecretKeySpec key, String canonicalRequest) {
        Mac mac = MACS.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An HMAC key made of bytes is always usable", e);
        }
        return HEX.formatHex(mac.doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the signatures are equal, in time that does not depend on where they differ. */
    public static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] body) {
        return HEX.formatHex(SHA256.get().digest(body));
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
