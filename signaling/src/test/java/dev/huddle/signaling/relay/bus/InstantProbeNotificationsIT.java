package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.signaling.SignalingModule;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LISTEN connection on {@link InstantProbeSocketFactory} sockets still receives every notification once and in
 * order, whether they come one transaction each or many in one. PostgreSQL only: LISTEN/NOTIFY is PostgreSQL's.
 */
class InstantProbeNotificationsIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(SignalingModule.NAME);
    private static final String CHANNEL = "huddle_probe_test";

    @Test
    void everyNotificationArrivesOnceInOrderWhetherSentAloneOrTogether() throws Exception {
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        DatabaseTarget target = new DatabaseTarget(Dialect.POSTGRESQL, database.jdbcUrl(), database.user(), database.password());
        DatabaseTarget listening = InstantProbeSocketFactory.appliedTo(target);
        assertThat(listening.jdbcUrl()).contains("socketFactory=" + InstantProbeSocketFactory.class.getName());

        int alone = 300;
        int together = 2_000;
        try (Connection listener = listening.connect(); Connection sender = target.connect()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            try (PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                for (int i = 0; i < alone; i++) {
                    notify.setString(2, String.valueOf(i));
                    notify.executeQuery().close();
                }
            }
            try (PreparedStatement notifyMany = sender.prepareStatement(
                    "SELECT pg_notify(?, n::text) FROM generate_series(?::int, ?::int) AS n")) {
                notifyMany.setString(1, CHANNEL);
                notifyMany.setInt(2, alone);
                notifyMany.setInt(3, alone + together - 1);
                notifyMany.executeQuery().close();
            }

            List<Integer> received = receive(listener.unwrap(PGConnection.class), alone + together);
            assertThat(received).containsExactlyElementsOf(IntStream.range(0, alone + together).boxed().toList());
        }
    }

    /** Reads until {@code expected} notifications arrived, or a poll finds none (all were sent before the first poll). */
    private static List<Integer> receive(PGConnection listener, int expected) throws Exception {
        List<Integer> received = new ArrayList<>();
        while (received.size() < expected) {
            PGNotification[] arrived = listener.getNotifications(5_000);
            if (arrived == null || arrived.length == 0) {
                break;
            }
            for (PGNotification notification : arrived) {
                received.add(Integer.parseInt(notification.getParameter()));
            }
        }
        return received;
    }
}
