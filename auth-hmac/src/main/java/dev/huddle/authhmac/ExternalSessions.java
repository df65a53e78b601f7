package dev.huddle.authhmac;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Guests waiting to be admitted to a meeting: created with a lifetime, admitted by the host, gone when the lifetime
 * ends or the process stops. They live in {@link ExternalSessionStore} only, never in the database.
 */
@Singleton
public class ExternalSessions {
    private final ExternalSessionStore store;
    private final Duration ttl;

    public ExternalSessions(ExternalSessionStore store, @Value("${huddle.auth.external-session-ttl:15m}") Duration ttl) {
        this.store = store;
        this.ttl = ttl;
    }

    /** A new waiting guest; the store drops guests whose lifetime ended, so it never grows past the live ones. */
    public ExternalSession create(String meetingId, String displayName, Instant now) {
        store.purgeExpired(now);
        ExternalSession session = new ExternalSession(UUID.randomUUID().toString(), meetingId, displayName, false, now,
                now.plus(ttl));
        store.save(session);
        return session;
    }

    /** The guest's session while it lives. */
    public Optional<ExternalSession> find(String id, Instant now) {
        return store.find(id, now);
    }

    /** Admits a waiting guest; false when the session is unknown or its lifetime is over. */
    public boolean admit(String id, Instant now) {
        return store.admit(id, now);
    }
}
