package dev.huddle.meetings.analytics;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The analytics table. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface AnalyticsRepository extends CrudRepository<AnalyticsEvent, UUID> {

    /** {@code meetingId} is named after the property, so it is bound through the property's converter. */
    @Query("SELECT event_type, COUNT(*) AS total FROM analytics WHERE meeting_id = :meetingId GROUP BY event_type ORDER BY event_type")
    List<EventTypeCount> countByType(UUID meetingId);
}
