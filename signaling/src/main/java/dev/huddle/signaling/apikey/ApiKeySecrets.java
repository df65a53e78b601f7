package dev.huddle.signaling.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The form of an API key: {@code hk_<key id, 32 hex>_<secret, 43 base64url>}. The id inside lets a presented key be
 * looked up by id, so finding the row never depends on the secret, and the secret is then compared in constant time
 * through the stored SHA-256. 256 random bits make the hash safe to keep unsalted.
 */
final class ApiKeySecrets {
    static final String PREFIX = "hk_";
    private static final int SECRET_BYTES = 32;
    private static final int ID_HEX = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeySecrets() {
    }

    /** A new key (plaintext) for the key id. */
    static String newKey(UUID id) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + id.toString().replace("-", "") + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The key id a presented key names, or empty when it does not have the form of a key. */
    static Optional<UUID> idOf(String presented) {
        int idEnd = PREFIX.length() + ID_HEX;
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() <= idEnd + 1
                || presented.charAt(idEnd) != '_') {
            return Optional.empty();
        }
        String hex = presented.substring(PREFIX.length(), idEnd);
        if (!hex.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(new UUID(HEX.fromHexDigitsToLong(hex, 0, 16), HEX.fromHexDigitsToLong(hex, 16, 32)));
    }

    /** The SHA-256 of the key's UTF-8 bytes, lowercase hex: what the api_keys table stores. */
    static String hash(String key) {
        return HEX.formatHex(sha256(key));
    }

    /** Whether the presented key hashes to the stored hash; the comparison takes the same time wherever they differ. */
    static boolean matches(String presented, String storedHash) {
        byte[] stored;
        try {
            stored = HEX.parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), stored);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
