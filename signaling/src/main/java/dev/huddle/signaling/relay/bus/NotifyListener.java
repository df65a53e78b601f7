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
import java.util.function.Consumer;

/**
 * Holds the one connection that LISTENs, outside the pool (a pooled connection would be taken from the app for
 * good, and could be recycled under the listener), and reconnects when it breaks: after 0.5 s, then doubling up to
 * 10 s. Notifications sent while it is disconnected are lost to this instance; peers get stored kinds on reconnect.
 */
final class NotifyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final DatabaseTarget target;
    private final String channel;
    private final Consumer<String> receiver;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile boolean listening;

    NotifyListener(DatabaseTarget target, String channel, Consumer<String> receiver) {
        this.target = target;
        this.channel = channel;
        this.receiver = receiver;
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
        while (!stopping) {
            try (Connection connection = target.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                retry = FIRST_RETRY;
                LOG.debug("Listening on {}", channel);
                while (!stopping) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MILLIS);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            receiver.accept(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopping) {
                    return;
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
