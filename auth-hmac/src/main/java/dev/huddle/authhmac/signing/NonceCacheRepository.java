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
 * read before it for a concurrent replay to slip between. (Typed by ClientSession only because a repository needs an
 * entity; these queries name their own table.)
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface NonceCacheRepository extends GenericRepository<ClientSession, UUID> {

    /** 1 when the nonce is new for the session, 0 when it was used before. */
    @Query("INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at) "
            + "VALUES (:sessionId, :nonce, :createdAt, :expiresAt) ON CONFLICT DO NOTHING")
    int insertIfNew(UUID sessionId, String nonce, Instant createdAt, Instant expiresAt);

    /** Removes nonces whose requests could no longer pass the timestamp check at the time. */
    @Query("DELETE FROM nonce_cache WHERE expires_at < :time")
    int deleteExpiredBefore(Instant time);
}
