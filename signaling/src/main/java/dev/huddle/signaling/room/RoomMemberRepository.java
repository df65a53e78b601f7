package dev.huddle.signaling.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code room_members}: who is in a room now. Typed by {@link Room} only because a repository needs an entity; the
 * statements name their own table. A row is a member; joining twice keeps the first row.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface RoomMemberRepository extends GenericRepository<Room, UUID> {

    /** 1 when the user joined now, 0 when already a member. */
    @Query("INSERT INTO room_members (room_id, user_id, joined_at) VALUES (:roomId, :userId, :joinedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(UUID roomId, UUID userId, Instant joinedAt);

    /** 1 when the user was a member, 0 otherwise. */
    @Query("DELETE FROM room_members WHERE room_id = :roomId AND user_id = :userId")
    int remove(UUID roomId, UUID userId);

    @Query("DELETE FROM room_members WHERE room_id = :roomId")
    int removeAll(UUID roomId);

    @Query("SELECT COUNT(*) FROM room_members WHERE room_id = :roomId")
    long countMembers(UUID roomId);

    @Query("SELECT COUNT(*) FROM room_members WHERE room_id = :roomId AND user_id = :userId")
    long countMembership(UUID roomId, UUID userId);

    /** How many members each of the rooms has; a room without members is absent. */
    @Query("SELECT room_id, COUNT(*) AS members FROM room_members WHERE room_id IN (:roomIds) GROUP BY room_id")
    List<MemberCount> countMembersOf(List<UUID> roomIds);

    /** The members in the order they joined, with the names other peers see. */
    @Query("""
            SELECT m.user_id, u.display_name, m.joined_at
            FROM room_members m JOIN users u ON u.id = m.user_id
            WHERE m.room_id = :roomId
            ORDER BY m.joined_at, m.user_id""")
    List<RoomMember> listMembers(UUID roomId);
}
