package dev.huddle.meetings.participant;

import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A join in one statement, the API's busiest write: the upsert on (meeting_id, identity) that the unique index exists
 * for, made only while the meeting exists and has not ended, answering the row as it now is. One round trip and
 * atomic on its own, where a check, the upsert and a read back took four in a transaction.
 */
@Singleton
public class ParticipantJoins {
    /**
     * A returning identity keeps its row (and so its analytics) and is present again from now; a join that names no
     * display name keeps the one given before. SQLite needs the WHERE clause to read ON CONFLICT as the upsert clause.
     */
    private static final String JOIN = """
            INSERT INTO participants (id, meeting_id, identity, name, joined_at, left_at)
            SELECT ?, m.id, ?, ?, ?, NULL FROM meetings m WHERE m.id = ? AND m.ended_at IS NULL
            ON CONFLICT (meeting_id, identity)
            DO UPDATE SET name = COALESCE(excluded.name, participants.name), joined_at = excluded.joined_at, left_at = NULL
            RETURNING id, name, joined_at""";

    private final JdbcOperations jdbc;

    public ParticipantJoins(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The participant as joined; empty when the meeting does not exist or has ended. */
    public Optional<Participant> join(UUID id, UUID meetingId, String identity, @Nullable String name, Instant joinedAt) {
        return jdbc.execute(connection -> {
            try (PreparedStatement join = connection.prepareStatement(JOIN)) {
                join.setString(1, id.toString());
                join.setString(2, identity);
                join.setString(3, name);
                join.setString(4, ColumnValues.timestamp(joinedAt));
                join.setString(5, meetingId.toString());
                try (ResultSet row = join.executeQuery()) {
                    return row.next() ? Optional.of(new Participant(UUID.fromString(row.getString(1)), meetingId, identity,
                            row.getString(2), ColumnValues.toInstant(row.getString(3)), null)) : Optional.empty();
                }
            }
        });
    }
}
