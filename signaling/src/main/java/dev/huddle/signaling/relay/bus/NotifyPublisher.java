package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.signaling.relay.BatchingThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Sends NOTIFY payloads from one thread, off the relay's path: whatever queued during the previous round trip goes
 * out in the next one, as one statement ({@code pg_notify} over an array), so a busy relay pays one round trip per
 * batch and not per message. Payloads of one statement are delivered in order, and their commit keeps them together.
 * It keeps its own connection, outside the pool, opened again after a failure: taking a pooled one per batch cost
 * more than the NOTIFY itself. A batch of one, the usual case below a few thousand messages a second, skips the array:
 * building and escaping its text literal was most of the publisher's work per message.
 */
final class NotifyPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyPublisher.class);
    private static final int LARGEST_BATCH = 500;

    private final DatabaseTarget target;
    private final String channel;
    private final BatchingThread<String> sender;
    private Connection connection;
    private PreparedStatement many;
    private PreparedStatement one;

    NotifyPublisher(DatabaseTarget target, String channel) {
        this.target = target;
        this.channel = channel;
        this.sender = new BatchingThread<>("signaling-notify-publisher", LARGEST_BATCH, this::sendBatch);
    }

    void send(List<String> payloads) {
        sender.addAll(payloads);
    }

    /** On the sender thread only. A failure drops the batch (other instances' peers miss it) and the connection. */
    private void sendBatch(List<String> payloads) throws SQLException {
        try {
            notifyAll(payloads);
        } catch (SQLException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    private void notifyAll(List<String> payloads) throws SQLException {
        if (connection == null) {
            connection = target.connect();
            connection.setAutoCommit(true);
            try (Statement setup = connection.createStatement()) {
                // A NOTIFY commits a transaction, and waiting for its WAL flush capped the bus at a few hundred
                // commits a second here; a notification is never durable anyway, so nothing is lost by not waiting.
                setup.execute("SET synchronous_commit = off");
            }
            many = connection.prepareStatement("SELECT pg_notify(?, payload) FROM unnest(?) AS payload");
            one = connection.prepareStatement("SELECT pg_notify(?, ?)");
        }
        PreparedStatement statement;
        if (payloads.size() == 1) {
            statement = one;
            statement.setString(2, payloads.get(0));
        } else {
            statement = many;
            Array array = connection.createArrayOf("text", payloads.toArray());
            statement.setArray(2, array);
        }
        statement.setString(1, channel);
        try (ResultSet ignored = statement.executeQuery()) {
            // pg_notify returns void rows; the notifications go out as the statement commits.
        }
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the NOTIFY connection failed: {}", e.getMessage());
            }
            connection = null;
            many = null;
            one = null;
        }
    }

    @Override
    public void close() {
        sender.close(Duration.ofSeconds(5));
        disconnect();
    }
}
