package dev.huddle.authhmac.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Encrypts session secrets with AES-256-GCM under the server key. A stored value is the 12-byte nonce followed by the
 * ciphertext and tag. The session id is the associated data, so a ciphertext copied onto another session's row does
 * not decrypt there.
 */
public final class SecretCipher {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretCipher(SecretKey key) {
        this.key = key;
    }

    public byte[] encrypt(UUID sessionId, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, sessionId, secret, 0, secret.length);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    /** The secret, or a failure when the value was not sealed for this session with this key. */
    public byte[] decrypt(UUID sessionId, byte[] stored) {
        byte[] iv = java.util.Arrays.copyOf(stored, IV_BYTES);
        return run(Cipher.DECRYPT_MODE, iv, sessionId, stored, IV_BYTES, stored.length - IV_BYTES);
    }

    private byte[] run(int mode, byte[] iv, UUID sessionId, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(sessionId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            // The message never holds key or secret material: only that this row does not open with this key.
            throw new IllegalStateException("The secret of client session " + sessionId + " cannot be decrypted with the "
                    + "server key: the key changed since the session was created (huddle.auth.server-key or the data "
                    + "folder's server.key). Restore that key, or have the client create a new session.", e);
        }
    }
}
