package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends NOTIFY payloads from one thread, off the relay's path: whatever queued during the previous round trip goes
 * out in the next one, as one statement ({@code pg_notify} over an array), so a busy relay pays one round trip per
 * batch and not per message. Payloads of one statement are delivered in order, and their commit keeps them together.
 * It keeps its own connection, outside the pool, opened again after a failure: taking a pooled one per batch cost
 * more than the NOTIFY itself.
 */
final class NotifyPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyPublisher.class);
    private static final int LARGEST_BATCH = 500;

    private final DatabaseTarget target;
    private final String channel;
    private Connection connection;
    private PreparedStatement statement;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    NotifyPublisher(DatabaseTarget target, String channel) {
        this.target = target;
        this.channel = channel;
        this.thread = new Thread(this::run, "signaling-notify-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    void send(List<String> payloads) {
        queue.addAll(payloads);
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                String first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, LARGEST_BATCH - 1);
                notifyAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                // The peers of other instances miss these; a reconnect replays the stored kinds.
                LOG.warn("Could not NOTIFY {} relay payloads to other instances: {}", batch.size(), e.getMessage());
                disconnect();
            } finally {
                batch.clear();
            }
        }
        disconnect();
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
            statement = connection.prepareStatement("SELECT pg_notify(?, payload) FROM unnest(?) AS payload");
        }
        Array array = connection.createArrayOf("text", payloads.toArray());
        statement.setString(1, channel);
        statement.setArray(2, array);
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
            statement = null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
