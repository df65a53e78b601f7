package dev.huddle.meetings.meeting;

import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The meetings table. ANSI SQL, so the same repository serves PostgreSQL and SQLite. */
@JdbcRepository(dialect = Dialect.ANSI)
public abstract class MeetingRepository implements CrudRepository<Meeting, UUID> {
    private final JdbcOperations jdbc;

    protected MeetingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One page in the list's order, newest first; the filters are built here because each one is optional. */
    List<Meeting> page(MeetingQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM meetings WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (query.status() != null) {
            sql.append(" AND ").append(query.status().condition());
        }
        String meetingTime = "COALESCE(started_at, scheduled_at, created_at)";
        if (query.from() != null) {
            sql.append(" AND ").append(meetingTime).append(" >= ?");
            parameters.add(ColumnValues.timestamp(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND ").append(meetingTime).append(" < ?");
            parameters.add(ColumnValues.timestamp(query.to()));
        }
        if (query.after() != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            parameters.add(ColumnValues.timestamp(query.after().createdAt()));
            parameters.add(ColumnValues.timestamp(query.after().createdAt()));
            parameters.add(query.after().id().toString());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(query.limit());
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, Meeting.class).toList();
            }
        });
    }

    private static void bind(PreparedStatement statement, List<String> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setString(i + 1, parameters.get(i));
        }
    }
}
