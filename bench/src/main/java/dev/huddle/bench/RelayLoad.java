package dev.huddle.bench;

import dev.huddle.bench.RelayPeers.Peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Connected peers under an open-loop load: a pacer sends at a fixed rate, round robin over the peers, each message
 * to the peer two seats on in its room (on the other instance when there are two), alternating an offer with a
 * 1.5 KB SDP and an ICE candidate. Each carries its send time; the receiver records the relay latency of those sent
 * inside the measured window. A peer whose previous send is still in flight skips its turn (counted).
 */
final class RelayLoad implements AutoCloseable {
    private static final String SDP_PADDING = "a=fingerprint:sha-256 " + "AB:".repeat(32) + "\\r\\n"
            + "a=candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host generation 0\\r\\n".repeat(14);
    private static final int CLIENTS = 4;
    private static final int WAVE = 50;

    private final List<Connected> peers = new ArrayList<>();
    private final long[] latencies = new long[4_000_000];
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /** A peer's socket and whether its last send has gone out. */
    private static final class Connected {
        final Peer peer;
        WebSocket socket;
        volatile CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

        Connected(Peer peer) {
            this.peer = peer;
        }
    }

    /** Connects every peer to its instance ({@code seat * instances / seats}) and waits for all welcomes. */
    static RelayLoad connect(List<Peer> population, List<String> urls, int seats) throws Exception {
        RelayLoad load = new RelayLoad();
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newHttpClient());
        }
        // In waves: a thousand handshakes at once exhaust the server's pool on SQLite, where writes take turns.
        for (int wave = 0; wave < population.size(); wave += WAVE) {
            List<Peer> peers = population.subList(wave, Math.min(population.size(), wave + WAVE));
            CountDownLatch welcomed = new CountDownLatch(peers.size());
            for (int i = 0; i < peers.size(); i++) {
                Peer peer = peers.get(i);
                Connected connected = new Connected(peer);
                load.peers.add(connected);
                String url = urls.get(peer.seat() * urls.size() / seats).replace("http://", "ws://");
                String path = "/signaling/rooms/" + peer.room() + "/ws";
                WebSocket.Builder builder = clients.get(i % CLIENTS).newWebSocketBuilder();
                peer.signer().sign("GET", path, new byte[0]).asMap().forEach(builder::header);
                connected.socket = builder.buildAsync(URI.create(url + path), load.listener(welcomed)).get(60, TimeUnit.SECONDS);
            }
            if (!welcomed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(welcomed.getCount() + " peers were not welcomed within 120 s");
            }
        }
        return load;
    }

    /** Runs the load: a warm-up, then the measured window; answers what was measured. */
    Result run(int rate, Duration warmup, Duration measured, int seats, Supplier<Duration> serverCpu) throws Exception {
        long perTickNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        windowStart = start + warmup.toNanos();
        windowEnd = windowStart + measured.toNanos();
        Duration cpuBefore = null;
        Duration clientCpuBefore = null;
        long sentInWindow = 0;
        long next = start;
        int turn = 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= windowEnd) {
                break;
            }
            if (cpuBefore == null && now >= windowStart) {
                cpuBefore = serverCpu.get();
                clientCpuBefore = clientCpu();
            }
            if (now < next) {
                long wait = next - now;
                if (wait > 200_000) {
                    TimeUnit.NANOSECONDS.sleep(wait - 100_000);
                }
                continue;
            }
            Connected from = peers.get(turn % peers.size());
            Connected to = peers.get(partner(turn % peers.size(), seats));
            if (from.lastSend.isDone()) {
                long sentAt = System.nanoTime();
                from.lastSend = from.socket.sendText(frame(turn, to.peer, sentAt), true);
                if (sentAt >= windowStart) {
                    sentInWindow++;
                }
            } else {
                skipped.incrementAndGet();
            }
            turn++;
            next += perTickNanos;
        }
        Duration cpu = serverCpu.get().minus(cpuBefore);
        Duration ownCpu = clientCpu().minus(clientCpuBefore);
        Thread.sleep(2_000);
        long[] sorted = Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length));
        Arrays.sort(sorted);
        return new Result(rate, sentInWindow, sorted, measured, skipped.get(), cpu, ownCpu);
    }

    /** This process's CPU time: the load generator shares the machine's cores with the instances and PostgreSQL. */
    private static Duration clientCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The peer two seats on in the same room: rooms are filled seat by seat, one peer per room per seat. */
    private int partner(int index, int seats) {
        int rooms = peers.size() / seats;
        int seat = index / rooms;
        return ((seat + seats / 2) % seats) * rooms + index % rooms;
    }

    private static String frame(int turn, Peer to, long sentAt) {
        String stamp = "@@" + sentAt + "@@";
        return turn % 2 == 0
                ? "{\"type\":\"offer\",\"to\":\"" + to.user() + "\",\"sdp\":\"v=0\\r\\n" + stamp + SDP_PADDING + "\"}"
                : "{\"type\":\"candidate\",\"to\":\"" + to.user() + "\",\"candidate\":\"candidate:" + stamp
                + " 1 udp 2122260223 10.0.0.2 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";
    }

    private WebSocket.Listener listener(CountDownLatch welcomed) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                long arrived = System.nanoTime();
                partial.append(data);
                if (last) {
                    record(partial, arrived, welcomed);
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
    }

    private void record(CharSequence text, long arrived, CountDownLatch welcomed) {
        String frame = text.toString();
        int mark = frame.indexOf("@@");
        if (mark < 0) {
            if (frame.startsWith("{\"type\":\"welcome\"")) {
                welcomed.countDown();
            }
            return;
        }
        long sentAt = Long.parseLong(frame, mark + 2, frame.indexOf("@@", mark + 2), 10);
        if (sentAt >= windowStart && sentAt < windowEnd) {
            int slot = recorded.getAndIncrement();
            if (slot < latencies.length) {
                latencies[slot] = arrived - sentAt;
            }
        }
    }

    @Override
    public void close() {
        for (Connected connected : peers) {
            if (connected.socket != null) {
                connected.socket.abort();
            }
        }
    }

    /** What one run measured: latencies in nanoseconds, sorted. */
    record Result(int rate, long sent, long[] latencies, Duration window, long skipped, Duration serverCpu,
                  Duration clientCpu) {
        double percentileMillis(double percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencies.length - 1, Math.ceil(percentile / 100 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }

        double deliveredPerSecond() {
            return latencies.length / (window.toNanos() / 1e9);
        }
    }
}
