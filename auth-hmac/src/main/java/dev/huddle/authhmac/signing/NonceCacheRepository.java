package dev.huddle.authhmac.signing;

import dev.huddle.authhmac.session.ClientSession;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code nonce_cache}'s housekeeping; {@link NonceLedger} writes it. (Typed by ClientSession only because a repository
 * needs an entity; the query names its own table.)
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface NonceCacheRepository extends GenericRepository<ClientSession, UUID> {

    /** Removes nonces whose requests could no longer pass the timestamp check at the time. */
    @Query("DELETE FROM nonce_cache WHERE expires_at < :time")
    int deleteExpiredBefore(Instant time);
}
