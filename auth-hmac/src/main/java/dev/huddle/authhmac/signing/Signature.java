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
    /** The hash of no bytes, which every request without a body (most reads) signs. */
    private static final String EMPTY_BODY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /** A Mac per thread: looking one up through the security providers costs more than the MAC of a request. */
    private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(() -> new KeyedMac(newMac()));
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
        return HEX.formatHex(MACS.get().keyedWith(key).doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code presented} is the lowercase hex signature of the canonical request under the key. The MAC's bytes
     * are compared with the presented hex's, in time that does not depend on where they differ; nothing is formatted.
     */
    public static boolean signs(SecretKeySpec key, String canonicalRequest, String presented) {
        byte[] expected = MACS.get().keyedWith(key).doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] presentedBytes = lowercaseHexBytes(presented, expected.length);
        return presentedBytes != null && MessageDigest.isEqual(expected, presentedBytes);
    }

    /** The bytes {@code hex} spells in exactly {@code length * 2} lowercase hex digits, or null when it does not. */
    private static byte[] lowercaseHexBytes(String hex, int length) {
        if (hex.length() != length * 2) {
            return null;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int high = lowercaseHexDigit(hex.charAt(2 * i));
            int low = lowercaseHexDigit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int lowercaseHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Whether the signatures are equal, in time that does not depend on where they differ. */
    public static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] body) {
        return body.length == 0 ? EMPTY_BODY_HASH : HEX.formatHex(SHA256.get().digest(body));
    }

    /**
     * A thread's Mac and the key it was last initialised with: a thread that serves the same session again (a client's
     * keep-alive connection) skips the key set-up, since {@code doFinal} leaves the Mac reset for that key.
     */
    private static final class KeyedMac {
        private final Mac mac;
        private SecretKeySpec key;

        KeyedMac(Mac mac) {
            this.mac = mac;
        }

        Mac keyedWith(SecretKeySpec wanted) {
            if (wanted != key) {
                try {
                    mac.init(wanted);
                } catch (GeneralSecurityException e) {
                    key = null;
                    throw new IllegalStateException("An HMAC key made of bytes is always usable", e);
                }
                key = wanted;
            }
            return mac;
        }
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
