package dev.huddle.signaling.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rooms table, and the reads of its moderation tables that deciding about a room needs (the moderation package
 * writes them). ANSI SQL, so the same repository serves PostgreSQL and SQLite.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface RoomRepository extends CrudRepository<Room, UUID> {

    /**
     * Stamps an open room as changed now and, in doing so, takes its row lock until the transaction ends (on SQLite
     * every transaction already holds the database's write lock: its connections begin them IMMEDIATE). Joins of one
     * room therefore count its members one after another, so max_participants holds under concurrent joins. 0 when
     * the room is missing or closed.
     */
    @Query("UPDATE rooms SET updated_at = :updatedAt WHERE id = :id AND closed_at IS NULL")
    long lockOpen(UUID id, Instant updatedAt);

    /** Closes an open room; 0 when it was closed already (the first closing time is kept). */
    @Query("UPDATE rooms SET closed_at = :closedAt, updated_at = :closedAt WHERE id = :id AND closed_at IS NULL")
    long close(UUID id, Instant closedAt);

    boolean existsByName(String name);

    /**
     * Who may see a room in the list: everyone for a public room; for a private one its creator, members and
     * moderators. {@code includeClosed} is 1 to list closed rooms too, else 0 (an int: both engines compare it alike).
     */
    String LISTED = """
            (closed_at IS NULL OR :includeClosed = 1)
            AND (is_private = FALSE OR created_by = :viewer
                 OR id IN (SELECT room_id FROM room_members WHERE user_id = :viewer)
                 OR id IN (SELECT room_id FROM room_moderators WHERE user_id = :viewer))""";

    /** One page of the rooms the viewer may see, newest first. */
    @Query("SELECT * FROM rooms WHERE " + LISTED + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<Room> listVisible(UUID viewer, int includeClosed, int limit, int offset);

    @Query("SELECT COUNT(*) FROM rooms WHERE " + LISTED)
    long countVisible(UUID viewer, int includeClosed);

    @Query("SELECT reason, expires_at FROM banned_users WHERE room_id = :roomId AND user_id = :userId")
    Optional<RoomBan> findBan(UUID roomId, UUID userId);

    @Query("SELECT COUNT(*) FROM room_moderators WHERE room_id = :roomId AND user_id = :userId")
    long countModeratorRows(UUID roomId, UUID userId);
}
