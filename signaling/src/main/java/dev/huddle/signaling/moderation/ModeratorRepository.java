package dev.huddle.signaling.moderation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The room_moderators table; granting twice keeps the first grant (unique (room_id, user_id)). */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ModeratorRepository extends GenericRepository<Moderator, UUID> {

    @Query("""
            INSERT INTO room_moderators (id, room_id, user_id, granted_by, created_at)
            VALUES (:id, :roomId, :userId, :grantedBy, :createdAt)
            ON CONFLICT (room_id, user_id) DO NOTHING""")
    void grantIfAbsent(UUID id, UUID roomId, UUID userId, UUID grantedBy, Instant createdAt);

    Optional<Moderator> findByRoomIdAndUserId(UUID roomId, UUID userId);

    List<Moderator> findByRoomIdOrderByCreatedAt(UUID roomId);
}
