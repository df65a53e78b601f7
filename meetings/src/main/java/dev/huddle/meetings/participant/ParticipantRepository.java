package dev.huddle.meetings.participant;

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
 * Micronaut Data binds them through the same converters. Joining is {@link ParticipantJoins}'s single statement.
 */
@JdbcRepository(dialect = Dialect.ANSI)
public interface ParticipantRepository extends GenericRepository<Participant, UUID> {

    @Query("UPDATE participants SET left_at = :leftAt WHERE meeting_id = :meetingId AND identity = :identity AND left_at IS NULL")
    long leave(UUID meetingId, String identity, Instant leftAt);

    @Query("UPDATE participants SET left_at = :leftAt WHERE meeting_id = :meetingId AND left_at IS NULL")
    long leaveAll(UUID meetingId, Instant leftAt);

    Optional<Participant> findByMeetingIdAndIdentity(UUID meetingId, String identity);

    Optional<Participant> findByIdAndMeetingId(UUID id, UUID meetingId);

    List<Participant> findByMeetingIdOrderByJoinedAt(UUID meetingId);
}
