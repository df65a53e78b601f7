package dev.huddle.signaling.relay.store;

import dev.huddle.signaling.relay.wire.FrameReader;
import dev.huddle.signaling.relay.wire.MessageIds;
import dev.huddle.signaling.relay.wire.MessageType;
import dev.huddle.signaling.relay.wire.RelayMessage;
import jakarta.inject.Singleton;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a reconnecting peer missed: the SDP signals and ICE candidates addressed to it in the room, and the room's
 * chat, relayed after the id it resumes from, oldest first. Ids are time-ordered ({@link MessageIds}), so "after"
 * is a comparison on the primary key on both engines.
 */
@Singleton
public class MissedSignals {
    private final DataSource dataSource;

    public MissedSignals(DataSource dataSource) {
        // The raw pool: the relay's threads hold no Micronaut transaction or connection context.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** At most {@code limit} messages after {@code since}, oldest first. */
    public List<RelayMessage> after(UUID room, UUID user, UUID since, int limit) throws SQLException {
        List<RelayMessage> missed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            read(connection, "SELECT id, from_user_id, signal_type, sdp FROM sdp_signals WHERE room_id = ? AND to_user_id = ? "
                    + "AND id > ? ORDER BY id LIMIT ?", row -> {
                        MessageType type = MessageType.fromWireName(row.getString(3)).orElseThrow();
                        UUID id = uuid(row, 1);
                        return RelayMessage.sdp(type, id, room, uuid(row, 2), user, row.getString(4), time(id));
                    }, missed, room, user, since, limit);
            read(connection, "SELECT id, from_user_id, candidate, sdp_mid, sdp_mline_index FROM ice_candidates "
                    + "WHERE room_id = ? AND to_user_id = ? AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        int index = row.getInt(5);
                        Integer mLineIndex = row.wasNull() ? null : index;
                        return RelayMessage.candidate(id, room, uuid(row, 2), user, row.getString(3), row.getString(4),
                                mLineIndex, time(id));
                    }, missed, room, user, since, limit);
            read(connection, "SELECT id, user_id, content FROM messages WHERE room_id = ? AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        return RelayMessage.chat(id, room, uuid(row, 2), row.getString(3), time(id));
                    }, missed, room, since, limit);
        }
        missed.sort(Comparator.comparing(message -> message.id().toString()));
        return missed.size() > limit ? missed.subList(0, limit) : missed;
    }

    private interface RowReader {
        RelayMessage read(ResultSet row) throws SQLException;
    }

    /** Runs the query with its parameters (ids as text, the limit as a number) and adds what it reads. */
    private static void read(Connection connection, String sql, RowReader reader, List<RelayMessage> into,
                             Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, parameters[i].toString());
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    into.add(reader.read(rows));
                }
            }
        }
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    private static String time(UUID id) {
        return FrameReader.RELAY_TIME.format(MessageIds.instantOf(id));
    }
}
