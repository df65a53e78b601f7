package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds the one connection that LISTENs, outside the pool (a pooled connection would be taken from the app for
 * good, and could be recycled under the listener), and reconnects when it breaks: after 0.5 s, then doubling up to
 * 10 s. Notifications sent while it is disconnected never reach it; it reports the outage ({@link Outages}) with the
 * last moment it knew the connection alive, so the relay can fetch what it missed from the store.
 */
final class NotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final DatabaseTarget target;
    private final String channel;
    private final Consumer<List<String>> receiver;
    private final Outages outages;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean listening;

    /** Told on the listener's thread when the LISTEN connection breaks, and when a new one listens. */
    interface Outages {
        void lost();

        void resumed(Instant deafSince);
    }

    /** The receiver gets the payloads of each poll together, in the order they arrived, on the listener's thread. */
    NotifyListener(DatabaseTarget target, String channel, Consumer<List<String>> receiver, Outages outages) {
        this.target = target;
        this.channel = channel;
        this.receiver = receiver;
        this.outages = outages;
        this.thread = new Thread(this::run, "signaling-notify-listener");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether the LISTEN is in place now (tests wait for it before publishing). */
    boolean listening() {
        return listening;
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        // The start of the poll in progress: a broken connection may have lost what was sent from then on.
        Instant aliveAt = null;
        Instant deafSince = null;
        while (!stopping) {
            try (Connection connection = target.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                retry = FIRST_RETRY;
                LOG.debug("Listening on {}", channel);
                if (deafSince != null) {
                    LOG.info("Signaling LISTEN connection back; fetching what other instances relayed since {}", deafSince);
                    outages.resumed(deafSince);
                    deafSince = null;
                }
                while (!stopping) {
                    aliveAt = Instant.now();
                    PGNotification[] arrived = notifications.getNotifications(POLL_MILLIS);
                    if (arrived != null && arrived.length > 0) {
                        List<String> payloads = new ArrayList<>(arrived.length);
                        for (PGNotification notification : arrived) {
                            payloads.add(notification.getParameter());
                        }
                        receiver.accept(payloads);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopping) {
                    return;
                }
                if (deafSince == null && aliveAt != null) {
                    deafSince = aliveAt;
                    outages.lost();
                }
                LOG.warn("Signaling LISTEN connection lost ({}); reconnecting in {} ms", e.getMessage(), retry.toMillis());
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
        listening = false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
