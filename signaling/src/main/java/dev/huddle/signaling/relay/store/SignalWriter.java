package dev.huddle.signaling.relay.store;

import dev.huddle.signaling.relay.BatchingThread;
import dev.huddle.signaling.relay.wire.RelayMessage;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores relayed signals, chat, joins and leaves behind the relay: the relay hands a message over and moves on, and
 * one writer thread stores whatever has queued meanwhile in one transaction (a batch per table). Under light load a message is
 * stored as soon as the previous write ends; under heavy load batches grow instead of writes queuing one by one.
 * The guarantee: a message handed over is stored once the write in progress and the next one end, unless it names a
 * room or user that no longer exists ({@link #awaitStored()} waits for that point).
 */
@Singleton
public class SignalWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SignalWriter.class);
    /** Rows per transaction; more wait for the next one. */
    static final int LARGEST_BATCH = 1_000;

    private final DataSource dataSource;
    private final BatchingThread<Object> writer;

    public SignalWriter(DataSource dataSource) {
        // The raw pool: the relay's threads hold no Micronaut transaction or connection context.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.writer = new BatchingThread<>("signaling-writer", LARGEST_BATCH, this::write);
    }

    /** Queues a message for storage; never blocks. */
    public void store(RelayMessage message) {
        writer.add(message);
    }

    /** Waits until every message handed over before this call has been written (or refused by the database). */
    public void awaitStored() throws InterruptedException {
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        writer.add(barrier);
        try {
            barrier.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Relay writer did not catch up within 30 s; replaying what is stored");
        }
    }

    /** Items are messages to store and barriers, completed once the messages before them are written. */
    private void write(List<Object> batch) {
        try {
            store(batch.stream().filter(RelayMessage.class::isInstance).map(RelayMessage.class::cast).toList());
        } finally {
            batch.stream().filter(CompletableFuture.class::isInstance)
                    .forEach(barrier -> ((CompletableFuture<?>) barrier).complete(null));
        }
    }

    private void store(List<RelayMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection == null) {
                throw new SQLException("the connection pool is closed");
            }
            connection.setAutoCommit(false);
            try (SignalInserts inserts = new SignalInserts(connection)) {
                inserts.insertAll(messages);
                connection.commit();
                return;
            } catch (SQLException e) {
                connection.rollback();
                LOG.debug("Relay batch of {} refused ({}); storing one by one", messages.size(), e.getMessage());
            }
            writeOneByOne(connection, messages);
        } catch (SQLException e) {
            LOG.error("Relay writer could not store {} messages: {}", messages.size(), e.getMessage());
        }
    }

    /** After a refused batch: each message in its own transaction, so one bad row costs only itself. */
    private static void writeOneByOne(Connection connection, List<RelayMessage> messages) throws SQLException {
        connection.setAutoCommit(true);
        try (SignalInserts inserts = new SignalInserts(connection)) {
            for (RelayMessage message : messages) {
                try {
                    inserts.insert(message);
                } catch (SQLException e) {
                    // A room or user deleted while the message was in flight; its content is not logged.
                    LOG.warn("Relay message {} ({}) not stored: {}", message.id(), message.type(), e.getMessage());
                }
            }
        }
    }

    /** Stores what is queued, then stops: a clean shutdown loses nothing that was relayed. */
    @PreDestroy
    public void close() {
        writer.close(Duration.ofSeconds(30));
    }
}
