package dev.huddle.signaling.relay.bus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantProbeSocketFactoryTest {
    private ServerSocket server;
    private Socket client;
    private Socket accepted;

    @BeforeEach
    void connect() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new InstantProbeSocketFactory().createSocket();
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        accepted = server.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        server.close();
    }

    @Test
    void aProbeWithNothingArrivedTimesOutAndTheBytesAreReadOnceTheyCome() throws IOException {
        client.setSoTimeout(InstantProbeSocketFactory.PROBE_TIMEOUT_MILLIS);
        InputStream input = client.getInputStream();
        assertThatThrownBy(input::read).isInstanceOf(SocketTimeoutException.class);

        accepted.getOutputStream().write(new byte[] {7, 8});
        accepted.getOutputStream().flush();
        client.setSoTimeout(5_000);
        assertThat(input.read()).isEqualTo(7);
        client.setSoTimeout(InstantProbeSocketFactory.PROBE_TIMEOUT_MILLIS);
        byte[] rest = new byte[4];
        assertThat(input.read(rest, 0, rest.length)).isEqualTo(1);
        assertThat(rest[0]).isEqualTo((byte) 8);
    }

    @Test
    void aReadWithALongerTimeoutWaitsForBytesSentLater() throws Exception {
        client.setSoTimeout(10_000);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return client.getInputStream().read();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        OutputStream output = accepted.getOutputStream();
        output.write(42);
        output.flush();
        assertThat(read.get()).isEqualTo(42);
    }
}
