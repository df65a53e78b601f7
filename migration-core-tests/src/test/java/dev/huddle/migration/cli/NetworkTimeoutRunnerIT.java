package dev.huddle.migration.cli;

import dev.huddle.migration.Scenarios;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.huddle.migration.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL URL whose port accepts connections and never answers, or has nothing listening, ends the runner with
 * exit 4 in bounded time, never a hang. No database is needed: the servers here are plain sockets.
 */
class NetworkTimeoutRunnerIT {
    private static final String INTERLEAVED = Scenarios.path("interleaved").toString();

    @Test
    void aServerThatAcceptsAndNeverAnswersExitsFourAfterTheLoginTimeoutNamingIt() throws Exception {
        try (SilentServer server = new SilentServer()) {
            long started = System.nanoTime();
            Run status = run("postgresql://huddle:topsecret@127.0.0.1:" + server.port() + "/huddle", INTERLEAVED, "status");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
            assertThat(status.err()).startsWith("error: Cannot connect to jdbc:postgresql://127.0.0.1:" + server.port())
                    .contains("timed out").contains("login timeout (10 s, loginTimeout)").contains("loginTimeout=SECONDS")
                    .doesNotContain("topsecret");
            assertThat(took).as("the default login timeout is 10 s").isBetween(Duration.ofSeconds(9), Duration.ofSeconds(40));
            assertThat(server.accepted()).as("connections the runner opened").isPositive();
        }
    }

    @Test
    void theLoginTimeoutInTheUrlWinsOverTheDefault() throws Exception {
        try (SilentServer server = new SilentServer()) {
            long started = System.nanoTime();
            Run up = run("jdbc:postgresql://127.0.0.1:" + server.port() + "/huddle?loginTimeout=1", INTERLEAVED, "up");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(up.code()).as(up.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
            assertThat(up.err()).contains("login timeout (1 s, loginTimeout)");
            assertThat(took).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aPortWithNothingListeningExitsFourAtOnce() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        Run status = run("postgresql://huddle@127.0.0.1:" + port + "/huddle", INTERLEAVED, "status");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(status.code()).as(status.err()).isEqualTo(ExitCodes.CANNOT_CONNECT);
        assertThat(status.err()).contains("Connection to 127.0.0.1:" + port + " refused");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    /** Accepts every connection on a loopback port and never writes a byte, like a hung server or the wrong service. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> connections = new ArrayList<>();
        private final Thread acceptor = new Thread(this::acceptForever, "silent-server");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        synchronized int accepted() {
            return connections.size();
        }

        private void acceptForever() {
            try {
                while (true) {
                    Socket connection = socket.accept();
                    synchronized (this) {
                        connections.add(connection);
                    }
                }
            } catch (IOException closed) {
                // close() ends the loop.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (this) {
                for (Socket connection : connections) {
                    connection.close();
                }
            }
        }
    }
}
