package dev.huddle.signaling.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP link from a loopback port to a server, which a test cuts as a network failure would: {@link #cut()} closes
 * every connection through it and refuses new ones until {@link #restore()}. An instance connected through it loses
 * its connection while the server and the other instances run on, so what they send meanwhile never reaches it.
 */
final class CuttableLink implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket listening;

    CuttableLink(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        accept(first);
    }

    int port() {
        return port;
    }

    /** Ends every connection through the link; new ones are refused (nothing listens) until restored. */
    synchronized void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        accept(again);
    }

    private synchronized void accept(ServerSocket socket) {
        listening = socket;
        Thread acceptor = new Thread(() -> acceptUntilClosed(socket), "cuttable-link-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptUntilClosed(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                synchronized (this) {
                    if (socket.isClosed()) {
                        // Cut while this one was being set up: it ends like the others.
                        client.close();
                        server.close();
                        continue;
                    }
                    open.add(client);
                    open.add(server);
                }
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // Closed by cut() or close(), or the server refused: the client sees its connection end.
            }
        }
    }

    /** Copies one direction until either side closes, then closes both, as a broken path ends both ends. */
    private static void pump(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (from; to) {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16_384];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // Either side closed: the link is down for this connection.
            }
        }, "cuttable-link-pump");
        copier.setDaemon(true);
        copier.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
