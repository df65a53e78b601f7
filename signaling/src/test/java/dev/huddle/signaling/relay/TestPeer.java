package dev.huddle.signaling.relay;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A relay client over the JDK's WebSocket: it keeps every frame it receives, in order, for a test to wait on. */
final class TestPeer implements WebSocket.Listener, AutoCloseable {
    /** Generous: the machine runs several builds at once; a test never depends on speed. */
    private static final long WAIT_SECONDS = 30;
    private static final Argument<Map<String, Object>> FRAME = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;
    private final LinkedBlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<Map<String, Object>> seen = new ArrayList<>();
    private WebSocket socket;
    private Map<String, Object> welcome;
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** Once set, no frame after the current one is read: the relay's writes to this peer pile up unread. */
    private volatile boolean stalled;

    TestPeer(JsonMapper json) {
        this.json = json;
    }

    void attach(WebSocket socket) {
        this.socket = socket;
    }

    /** Waits for the relay's welcome: the peer has joined, so what it sends now is relayed at once. */
    void awaitWelcome() {
        welcome = await("welcome");
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    /** The close code the relay sent; fails when it does not close. */
    int awaitClose() {
        try {
            return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The relay did not close the connection within " + WAIT_SECONDS + " s", e);
        }
    }

    /** The relay's first frame: who this peer is in which room. */
    Map<String, Object> welcome() {
        return welcome;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(json.readValue(partial.toString(), FRAME));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        if (!stalled) {
            webSocket.request(1);
        }
        return null;
    }

    /** Stops reading, as a peer on a stalled network would: frames sent to it wait in the socket's buffers. */
    void stopReading() {
        stalled = true;
    }

    /** Drops the connection without a close handshake, as a peer that vanishes would. */
    void abort() {
        socket.abort();
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame of this type, skipping (but keeping) others; fails after the wait. */
    Map<String, Object> await(String type) {
        return await(frame -> type.equals(frame.get("type")), "a \"" + type + "\" frame");
    }

    Map<String, Object> await(Predicate<Map<String, Object>> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                Map<String, Object> frame = frames.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (wanted.test(frame)) {
                        return frame;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No " + what + " within " + WAIT_SECONDS + " s; received " + seen);
    }

    /** Every frame received so far (those waited past included), in order. */
    List<Map<String, Object>> received() {
        frames.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
