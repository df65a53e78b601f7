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
import java.util.Optional;
import java.util.UUID;

/** The meetings table. ANSI SQL, so the same repository serves PostgreSQL and SQLite. */
@JdbcRepository(dialect = Dialect.ANSI)
public abstract class MeetingRepository implements CrudRepository<Meeting, UUID> {
    private static final String SELECT_ONE = "SELECT room_name, title, host_identity, scheduled_at, started_at, ended_at, "
            + "created_at, updated_at, invited_participants FROM meetings WHERE id = ?";

    private final JdbcOperations jdbc;

    protected MeetingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The meeting with this id, read and mapped by hand: it is the API's hot read, and Micronaut Data's generic
     * mapping (a converter lookup and a name translation per column) cost a third of its CPU.
     */
    public Optional<Meeting> findOne(UUID id) {
        // execute, unlike prepareStatement, opens a connection when the caller has no transaction (GET has none).
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
                statement.setString(1, id.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(read(id, row)) : Optional.empty();
                }
            }
        });
    }

    private static Meeting read(UUID id, ResultSet row) throws SQLException {
        return new Meeting(id, row.getString(1), row.getString(2), row.getString(3), ColumnValues.toInstant(row.getString(4)),
                ColumnValues.toInstant(row.getString(5)), ColumnValues.toInstant(row.getString(6)),
                ColumnValues.toInstant(row.getString(7)), ColumnValues.toInstant(row.getString(8)), row.getString(9));
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
