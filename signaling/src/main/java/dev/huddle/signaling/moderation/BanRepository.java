package dev.huddle.signaling.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The banned_users table; the unique (room_id, user_id) makes a ban an upsert on both engines. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface BanRepository extends GenericRepository<Ban, UUID> {

    /** Bans the user, or replaces their ban's reason, moderator and expiry: a re-ban starts afresh. */
    @Query("""
            INSERT INTO banned_users (id, room_id, user_id, reason, banned_by, created_at, expires_at)
            VALUES (:id, :roomId, :userId, :reason, :bannedBy, :createdAt, :expiresAt)
            ON CONFLICT (room_id, user_id) DO UPDATE SET reason = excluded.reason, banned_by = excluded.banned_by,
                created_at = excluded.created_at, expires_at = excluded.expires_at""")
    void upsert(UUID id, UUID roomId, UUID userId, @Nullable String reason, UUID bannedBy, Instant createdAt,
                @Nullable Instant expiresAt);

    Optional<Ban> findByRoomIdAndUserId(UUID roomId, UUID userId);

    List<Ban> findByRoomIdOrderByCreatedAt(UUID roomId);

    @Query("DELETE FROM banned_users WHERE room_id = :roomId AND user_id = :userId")
    int remove(UUID roomId, UUID userId);
}
