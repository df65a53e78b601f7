package dev.huddle.meetings.recording;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The recordings table. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface RecordingRepository extends CrudRepository<Recording, UUID> {

    List<Recording> findByMeetingIdOrderByCreatedAt(UUID meetingId);
}
