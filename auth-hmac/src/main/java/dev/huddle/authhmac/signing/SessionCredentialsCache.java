package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.AuthConfiguration;
import dev.huddle.authhmac.crypto.SecretCipher;
import dev.huddle.authhmac.session.ClientSession;
import dev.huddle.authhmac.session.ClientSessionRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.crypto.spec.SecretKeySpec;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client sessions' credentials held in memory, so that a signed request reads no row and decrypts no secret: at most
 * {@code huddle.auth.session-cache-size} sessions (default 10,000; 0 turns the cache off), any one evicted when full.
 * The cache is never the authority: every request's nonce is recorded only while the session row still exists,
 * is unexpired and has the cached admin flag (one statement, {@link NonceLedger#recordForLiveSession}), so a
 * session deleted, expired or demoted by any instance is refused or re-read at its next request.
 */
@Singleton
public class SessionCredentialsCache {
    private final ClientSessionRepository sessions;
    private final SecretCipher cipher;
    private final int capacity;
    private final Map<UUID, SessionCredentials> cached = new ConcurrentHashMap<>();

    public SessionCredentialsCache(ClientSessionRepository sessions, SecretCipher cipher, AuthConfiguration configuration) {
        this.sessions = sessions;
        this.cipher = cipher;
        this.capacity = configuration.getSessionCacheSize();
    }

    /** The session's credentials, from memory or else from its row; null when no such session exists. */
    @Nullable
    SessionCredentials find(UUID id) {
        SessionCredentials credentials = cached.get(id);
        return credentials != null ? credentials : reload(id);
    }

    /** The credentials as the row says now, replacing what was cached; null (and nothing cached) when the row is gone. */
    @Nullable
    SessionCredentials reload(UUID id) {
        ClientSession session = sessions.findById(id).orElse(null);
        if (session == null) {
            cached.remove(id);
            return null;
        }
        SessionCredentials credentials = new SessionCredentials(id, session.clientId(), session.deviceId(),
                session.expiresAt(), session.admin(), new SecretKeySpec(cipher.decrypt(id, session.secretCiphertext()),
                Signature.ALGORITHM));
        keep(credentials);
        return credentials;
    }

    /** Drops the session's credentials, e.g. when it expired or was revoked. */
    public void forget(UUID id) {
        cached.remove(id);
    }

    private void keep(SessionCredentials credentials) {
        if (capacity <= 0) {
            return;
        }
        // Any entry makes room: a session evicted by mistake costs one row read at its next request.
        Iterator<UUID> ids = cached.keySet().iterator();
        while (cached.size() >= capacity && ids.hasNext()) {
            ids.next();
            ids.remove();
        }
        cached.put(credentials.id(), credentials);
    }
}
