package dev.huddle.signaling.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The rooms table, and the reads of its moderation tables that deciding about a room needs (the moderation package
 * writes them). ANSI SQL, so the same repository serves PostgreSQL and SQLite.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface RoomRepository extends CrudRepository<Room, UUID> {

    /**
     * Stamps an open room as changed now and, in doing so, takes its write lock until the transaction ends: the row
     * lock on PostgreSQL, the database write lock on SQLite. Joins of one room therefore count its members one after
     * another, so max_participants holds under concurrent joins. 0 when the room is missing or closed.
     */
    @Query("UPDATE rooms SET updated_at = :updatedAt WHERE id = :id AND closed_at IS NULL")
    long lockOpen(UUID id, Instant updatedAt);

    /** Closes an open room; 0 when it was closed already (the first closing time is kept). */
    @Query("UPDATE rooms SET closed_at = :closedAt, updated_at = :closedAt WHERE id = :id AND closed_at IS NULL")
    long close(UUID id, Instant closedAt);

    boolean existsByName(String name);

    @Query("SELECT reason, expires_at FROM banned_users WHERE room_id = :roomId AND user_id = :userId")
    Optional<RoomBan> findBan(UUID roomId, UUID userId);

    @Query("SELECT COUNT(*) FROM room_moderators WHERE room_id = :roomId AND user_id = :userId")
    long countModeratorRows(UUID roomId, UUID userId);
}
