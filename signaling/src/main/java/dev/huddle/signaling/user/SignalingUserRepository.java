package dev.huddle.signaling.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The users table, in the ANSI SQL both engines run. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface SignalingUserRepository extends GenericRepository<SignalingUser, UUID> {

    /**
     * Adds the user unless its username exists: one statement, so two first requests of one session at once still
     * make one row (the unique username decides, on both engines).
     */
    @Query("""
            INSERT INTO users (id, username, display_name, last_seen_at, created_at, updated_at)
            VALUES (:id, :username, :displayName, :createdAt, :createdAt, :createdAt)
            ON CONFLICT (username) DO NOTHING""")
    void insertIfAbsent(UUID id, String username, @Nullable String displayName, Instant createdAt);

    Optional<SignalingUser> findByUsername(String username);

    Optional<SignalingUser> findById(UUID id);
}
