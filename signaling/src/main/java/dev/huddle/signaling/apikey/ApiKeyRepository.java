package dev.huddle.signaling.apikey;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The api_keys table, in the ANSI SQL both engines run. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ApiKeyRepository extends CrudRepository<ApiKey, UUID> {

    List<ApiKey> listOrderByCreatedAt();

    /** 1 when the key was live and is now revoked; 0 when it was revoked before (the first time is kept). */
    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE id = :id AND revoked_at IS NULL")
    long revoke(UUID id, Instant revokedAt);

    @Query("UPDATE api_keys SET last_used_at = :lastUsedAt WHERE id = :id")
    void markUsed(UUID id, Instant lastUsedAt);
}
