package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.session.ClientSession;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code nonce_cache}, the nonces each session has used. Its primary key (session, nonce) is the replay check: the
 * insert either adds the row or, when the nonce was seen, adds nothing; one statement, atomic on both engines, with no
 * read before it for a concurrent replay to slip between. Being in the database, the check holds across every app
 * instance that shares it. (Typed by ClientSession only because a repository needs an entity; these queries name their
 * own tables.)
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface NonceCacheRepository extends GenericRepository<ClientSession, UUID> {

    /**
     * Records the nonce if it is new for the session and the session's row still exists, has not expired at
     * {@code now} and has the given admin flag: 1 when recorded, 0 otherwise (a replay, or a session deleted, expired
     * or changed since its credentials were cached). One round trip checks the session and uses up the nonce.
     * (SQLite needs the WHERE clause to read ON CONFLICT as the upsert clause.)
     */
    @Query("INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at) "
            + "SELECT id, :nonce, :createdAt, :expiresAt FROM client_sessions "
            + "WHERE id = :sessionId AND expires_at > :createdAt AND is_admin = :admin ON CONFLICT DO NOTHING")
    int recordForLiveSession(UUID sessionId, boolean admin, String nonce, Instant createdAt, Instant expiresAt);

    /** Removes nonces whose requests could no longer pass the timestamp check at the time. */
    @Query("DELETE FROM nonce_cache WHERE expires_at < :time")
    int deleteExpiredBefore(Instant time);
}
