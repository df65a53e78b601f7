package dev.huddle.meetings.participant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The participants table. Parameters of the hand-written statements are named after the entity's properties, so
 * Micronaut Data binds them through the same converters. The upsert relies on the unique index on
 * (meeting_id, identity), on both engines.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ParticipantRepository extends GenericRepository<Participant, UUID> {

    /**
     * Joins, or rejoins: a returning identity keeps its row (and so its analytics) and is present again from now.
     * A join that names no display name keeps the one given before.
     */
    @Query("""
            INSERT INTO participants (id, meeting_id, identity, name, joined_at, left_at)
            VALUES (:id, :meetingId, :identity, :name, :joinedAt, NULL)
            ON CONFLICT (meeting_id, identity)
            DO UPDATE SET name = COALESCE(excluded.name, participants.name), joined_at = excluded.joined_at, left_at = NULL""")
    void join(UUID id, UUID meetingId, String identity, @Nullable String name, Instant joinedAt);

    @Query("UPDATE participants SET left_at = :leftAt WHERE meeting_id = :meetingId AND identity = :identity AND left_at IS NULL")
    long leave(UUID meetingId, String identity, Instant leftAt);

    @Query("UPDATE participants SET left_at = :leftAt WHERE meeting_id = :meetingId AND left_at IS NULL")
    long leaveAll(UUID meetingId, Instant leftAt);

    Optional<Participant> findByMeetingIdAndIdentity(UUID meetingId, String identity);

    Optional<Participant> findByIdAndMeetingId(UUID id, UUID meetingId);

    List<Participant> findByMeetingIdOrderByJoinedAt(UUID meetingId);
}
