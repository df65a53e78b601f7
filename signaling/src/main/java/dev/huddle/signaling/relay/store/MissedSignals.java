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
 * What a reconnecting peer missed: the SDP signals and ICE candidates addressed to it in the room, the room's chat,
 * and the others' joins and leaves, relayed after the id it resumes from, oldest first; and for the relay's catch-up
 * after a bus outage, everything stored in a room after a cursor. Ids are time-ordered ({@link MessageIds}), so "after"
 * is a comparison on the primary key on both engines.
 */
@Singleton
public class MissedSignals {
    private final DataSource dataSource;

    public MissedSignals(DataSource dataSource) {
        // The raw pool: the relay's threads hold no Micronaut transaction or connection context.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** At most {@code limit} messages for {@code user} after {@code since}, oldest first. */
    public List<RelayMessage> after(UUID room, UUID user, UUID since, int limit) throws SQLException {
        List<RelayMessage> missed = read(room, user, since, limit);
        return missed.size() > limit ? missed.subList(0, limit) : missed;
    }

    /**
     * Everything stored in the room after {@code after}, whoever it is for, oldest first, at most {@code limit} of each
     * kind: what the relay's catch-up after a bus outage sorts out among its peers.
     */
    public List<RelayMessage> inRoom(UUID room, UUID after, int limit) throws SQLException {
        return read(room, null, after, limit);
    }

    /** Each kind's rows in the room after the cursor; with a user, only those it receives (addressed to it, or others'). */
    private List<RelayMessage> read(UUID room, UUID user, UUID since, int limit) throws SQLException {
        List<RelayMessage> found = new ArrayList<>();
        Object[] forUser = user == null ? new Object[] {room, since, limit} : new Object[] {room, user, since, limit};
        String addressed = user == null ? "" : " AND to_user_id = ?";
        try (Connection connection = dataSource.getConnection()) {
            read(connection, "SELECT id, from_user_id, to_user_id, signal_type, sdp FROM sdp_signals WHERE room_id = ?"
                    + addressed + " AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        MessageType type = MessageType.fromWireName(row.getString(4)).orElseThrow();
                        return RelayMessage.sdp(type, id, room, uuid(row, 2), uuid(row, 3), row.getString(5), time(id));
                    }, found, forUser);
            read(connection, "SELECT id, from_user_id, to_user_id, candidate, sdp_mid, sdp_mline_index FROM ice_candidates "
                    + "WHERE room_id = ?" + addressed + " AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        int index = row.getInt(6);
                        Integer mLineIndex = row.wasNull() ? null : index;
                        return RelayMessage.candidate(id, room, uuid(row, 2), uuid(row, 3), row.getString(4), row.getString(5),
                                mLineIndex, time(id));
                    }, found, forUser);
            read(connection, "SELECT id, user_id, content FROM messages WHERE room_id = ? AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        return RelayMessage.chat(id, room, uuid(row, 2), row.getString(3), time(id));
                    }, found, room, since, limit);
            read(connection, "SELECT id, user_id, kind FROM room_presence WHERE room_id = ?"
                    + (user == null ? "" : " AND user_id <> ?") + " AND id > ? ORDER BY id LIMIT ?", row -> {
                        UUID id = uuid(row, 1);
                        MessageType kind = MessageType.fromWireName(row.getString(3)).orElseThrow();
                        return RelayMessage.presence(kind, id, room, uuid(row, 2), time(id));
                    }, found, forUser);
        }
        found.sort(Comparator.comparing(message -> message.id().toString()));
        return found;
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
