package dev.huddle.signaling.relay.store;

import dev.huddle.signaling.relay.wire.RelayMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The four inserts a relayed message can need, one statement each for {@code sdp_signals}, {@code ice_candidates},
 * {@code messages} and {@code room_presence}; values travel as text, which SQLite keeps and PostgreSQL casts (the pool sends strings
 * untyped), so one SQL serves both engines. The relay time is the id's, so a stored row and the frame agree.
 */
final class SignalInserts implements AutoCloseable {
    private final PreparedStatement sdp;
    private final PreparedStatement candidates;
    private final PreparedStatement chat;
    private final PreparedStatement presence;

    SignalInserts(Connection connection) throws SQLException {
        sdp = connection.prepareStatement("INSERT INTO sdp_signals (id, room_id, from_user_id, to_user_id, signal_type, sdp, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        candidates = connection.prepareStatement("INSERT INTO ice_candidates (id, room_id, from_user_id, to_user_id, "
                + "candidate, sdp_mid, sdp_mline_index, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        chat = connection.prepareStatement("INSERT INTO messages (id, room_id, user_id, content, created_at) "
                + "VALUES (?, ?, ?, ?, ?)");
        presence = connection.prepareStatement("INSERT INTO room_presence (id, room_id, user_id, kind, created_at) "
                + "VALUES (?, ?, ?, ?, ?)");
    }

    /** Adds each message to its table's batch and runs the batches. */
    void insertAll(List<RelayMessage> messages) throws SQLException {
        try {
            for (RelayMessage message : messages) {
                add(message);
            }
            sdp.executeBatch();
            candidates.executeBatch();
            chat.executeBatch();
            presence.executeBatch();
        } finally {
            // A refused batch must not leave rows behind for the next call.
            sdp.clearBatch();
            candidates.clearBatch();
            chat.clearBatch();
            presence.clearBatch();
        }
    }

    /** Inserts one message on its own. */
    void insert(RelayMessage message) throws SQLException {
        insertAll(List.of(message));
    }

    private void add(RelayMessage message) throws SQLException {
        switch (message.kind()) {
            case OFFER, ANSWER, PRANSWER, ROLLBACK -> {
                sdp.setString(1, message.id().toString());
                sdp.setString(2, message.room().toString());
                sdp.setString(3, message.from().toString());
                sdp.setString(4, message.to().toString());
                sdp.setString(5, message.type());
                sdp.setString(6, message.sdp());
                sdp.setString(7, message.at());
                sdp.addBatch();
            }
            case CANDIDATE -> {
                candidates.setString(1, message.id().toString());
                candidates.setString(2, message.room().toString());
                candidates.setString(3, message.from().toString());
                candidates.setString(4, message.to().toString());
                candidates.setString(5, message.candidate());
                candidates.setString(6, message.sdpMid());
                if (message.sdpMLineIndex() == null) {
                    candidates.setNull(7, Types.INTEGER);
                } else {
                    candidates.setInt(7, message.sdpMLineIndex());
                }
                candidates.setString(8, message.at());
                candidates.addBatch();
            }
            case CHAT -> {
                chat.setString(1, message.id().toString());
                chat.setString(2, message.room().toString());
                chat.setString(3, message.from().toString());
                chat.setString(4, message.text());
                chat.setString(5, message.at());
                chat.addBatch();
            }
            case JOINED, LEFT -> {
                presence.setString(1, message.id().toString());
                presence.setString(2, message.room().toString());
                presence.setString(3, message.from().toString());
                presence.setString(4, message.type());
                presence.setString(5, message.at());
                presence.addBatch();
            }
            default -> throw new IllegalArgumentException(message.type() + " messages are not stored");
        }
    }

    @Override
    public void close() throws SQLException {
        try (sdp; candidates; chat; presence) {
            // closes all four, the first failure reported
        }
    }
}
