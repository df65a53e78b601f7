package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.session.ClientSession;
import dev.huddle.authhmac.session.ClientSessionRepository;
import dev.huddle.authhmac.signing.SessionCredentialsCache;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who the admins are, and taking rights away: an admin session can lose its admin flag (it stays an ordinary session)
 * and any session can be revoked (deleted, with its nonces). Both take effect at the session's next request on every
 * instance: the request's nonce is recorded only while the row still says what the instance cached.
 */
@Singleton
public class AdminSessions {
    private final ClientSessionRepository sessions;
    private final SessionCredentialsCache credentials;

    public AdminSessions(ClientSessionRepository sessions, SessionCredentialsCache credentials) {
        this.sessions = sessions;
        this.credentials = credentials;
    }

    /** An admin session as the admin API lists it; never its secret. */
    @Serdeable
    public record AdminView(String id, String name, String deviceId, Instant createdAt, Instant expiresAt) {
        static AdminView of(ClientSession session) {
            return new AdminView(session.id().toString(), session.clientId(), session.deviceId(), session.createdAt(),
                    session.expiresAt());
        }
    }

    /** The live admin sessions, oldest first. */
    public List<AdminView> liveAdmins(Instant now) {
        return sessions.findByAdminAndExpiresAtGreaterThanOrderByCreatedAt(true, now).stream().map(AdminView::of).toList();
    }

    /** Clears the admin flag of a live admin session; false when there is no such session. */
    public boolean revokeAdmin(UUID id, Instant now) {
        boolean isLiveAdmin = sessions.findById(id).filter(session -> session.admin() && !session.isExpired(now)).isPresent();
        if (!isLiveAdmin) {
            return false;
        }
        sessions.updateAdmin(id, false);
        credentials.forget(id);
        return true;
    }

    /** Deletes the session; false when there was none. */
    public boolean revokeSession(UUID id) {
        boolean deleted = sessions.deleteSession(id) == 1;
        credentials.forget(id);
        return deleted;
    }
}
