package dev.huddle.authhmac;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@value #TABLE} table, held in memory: it is never created in the database, never in the migration
 * history, and empty again after every restart. {@link AuthHmacModule} declares it so that no migration may touch it.
 */
public final class ExternalSessionStore {
    /** The name under which migrations must never mention this table. */
    public static final String TABLE = "external_sessions";

    private final Map<String, ExternalSession> sessions = new ConcurrentHashMap<>();

    public void save(ExternalSession session) {
        sessions.put(session.id(), session);
    }

    /** The session, if present and not expired. */
    public Optional<ExternalSession> find(String id, Instant now) {
        ExternalSession session = sessions.get(id);
        if (session == null || session.isExpired(now)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Marks a waiting guest as admitted; false when no such live session exists. */
    public boolean admit(String id, Instant now) {
        return find(id, now).map(session -> sessions.replace(id, session, session.admit())).orElse(false);
    }

    public void remove(String id) {
        sessions.remove(id);
    }

    /** Drops every expired session and says how many went. */
    public int purgeExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(session -> session.isExpired(now));
        return before - sessions.size();
    }

    public int size() {
        return sessions.size();
    }
}
