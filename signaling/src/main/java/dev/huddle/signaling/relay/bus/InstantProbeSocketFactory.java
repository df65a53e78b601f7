package dev.huddle.signaling.relay.bus;

import dev.huddle.migration.connect.DatabaseTarget;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * Sockets for the LISTEN connection (pgjdbc's {@code socketFactory}), on which asking whether more has arrived
 * answers at once. pgjdbc's {@code getNotifications}, after each notification it reads, asks whether another message
 * is pending by reading with a 1 ms timeout ({@code PGStream.hasMessagePending}), and returns only once such a read
 * times out. So every notification waited that millisecond and the late wake-up after it (several on a busy machine),
 * and while notifications came less than a millisecond apart the call did not return at all: at 1,000 a second the
 * listener fell behind by tens of milliseconds. Here a read with a timeout of 1 ms or less and no byte waiting in the
 * socket times out without waiting; a byte that arrives a moment later is read by the next poll, which waits for it.
 * Any other read is the plain socket's.
 */
public final class InstantProbeSocketFactory extends SocketFactory {
    /** The longest read timeout treated as a question about what has arrived rather than a wait. */
    static final int PROBE_TIMEOUT_MILLIS = 1;

    /** pgjdbc instantiates the factory by name, without arguments. */
    public InstantProbeSocketFactory() {
    }

    /** The PostgreSQL target with its connections on these sockets, unless its URL names a socket factory of its own. */
    static DatabaseTarget appliedTo(DatabaseTarget target) {
        String url = target.jdbcUrl();
        if (url.contains("socketFactory=")) {
            return target;
        }
        String withFactory = url + (url.contains("?") ? "&" : "?") + "socketFactory=" + InstantProbeSocketFactory.class.getName();
        return new DatabaseTarget(target.dialect(), withFactory, target.user(), target.password(), target.secretParameters(),
                target.sqliteBusyTimeout());
    }

    /** An unconnected socket: pgjdbc connects it itself, with its connect timeout. */
    @Override
    public Socket createSocket() {
        return new ProbeAnsweringSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = new ProbeAnsweringSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    private static final class ProbeAnsweringSocket extends Socket {
        private volatile int readTimeoutMillis;
        private InputStream input;

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(timeout);
            readTimeoutMillis = timeout;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new ProbeAnsweringInput(super.getInputStream());
            }
            return input;
        }

        private final class ProbeAnsweringInput extends FilterInputStream {
            ProbeAnsweringInput(InputStream socketInput) {
                super(socketInput);
            }

            @Override
            public int read() throws IOException {
                answerProbeAtOnce();
                return super.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                answerProbeAtOnce();
                return super.read(buffer, offset, length);
            }

            private void answerProbeAtOnce() throws IOException {
                int timeout = readTimeoutMillis;
                if (timeout > 0 && timeout <= PROBE_TIMEOUT_MILLIS && in.available() == 0) {
                    throw new SocketTimeoutException("nothing has arrived");
                }
            }
        }
    }
}
