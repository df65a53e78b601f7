package dev.huddle.bench;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * A closed-loop HTTP load: each of N threads, on its own keep-alive connection, sends one request, waits for the
 * answer, and sends the next, for a fixed
 * time after a warm-up; bounded in time and in the latencies it keeps. Reports throughput and latency percentiles
 * of the measured part only.
 */
final class LoadClient {
    /** Latencies kept per thread; a thread past this keeps sending but stops recording. */
    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;
    private static final OperatingSystemMXBean CLIENT_CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One request to send: method, path with query, and a body (empty for none). */
    record Call(String method, String path, byte[] body) {
        static Call get(String path) {
            return new Call("GET", path, new byte[0]);
        }

        static Call post(String path, String json) {
            return new Call("POST", path, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * What one load run measured. The CPU milliseconds per request (server process, and this load client) do not
     * depend on what else the machine runs, unlike throughput: 2,000 ms of CPU per second on 2 cores, divided by
     * their sum, bounds the throughput of a quiet machine.
     */
    record Result(String name, int connections, long requests, long failures, double seconds, double p50Millis,
                  double p99Millis, double p999Millis, double serverCpuMillis, double clientCpuMillis) {
        double perSecond() {
            return requests / seconds;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %d | %.3f | %.3f |", name, connections,
                    perSecond(), p50Millis, p99Millis, p999Millis, failures, serverCpuMillis / requests, clientCpuMillis / requests);
        }
    }

    static final String HEADER = "| engine, scenario | connections | requests/s | p50 ms | p99 ms | p99.9 ms | failed "
            + "| server CPU ms/request | client CPU ms/request |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    private final String baseUrl;
    private final IntFunction<RequestSigner> signers;

    /** @param signers a signer per thread, or null to send unsigned requests */
    LoadClient(String baseUrl, IntFunction<RequestSigner> signers) {
        this.baseUrl = baseUrl;
        this.signers = signers;
    }

    /** {@code calls} gives thread {@code t}'s {@code i}-th request; {@code serverCpu} reads the server's CPU time in nanoseconds. */
    Result run(String name, int connections, Duration warmup, Duration measured, CallSource calls, LongSupplier serverCpu)
            throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measured.toNanos();
        long[][] samples = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            samples[t] = new long[MAX_SAMPLES_PER_THREAD];
            Thread worker = new Thread(() -> {
                RequestSigner signer = signers == null ? null : signers.apply(thread);
                try (HttpConnection connection = connect()) {
                    for (int i = 0; ; i++) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            return;
                        }
                        boolean ok = send(connection, signer, calls.call(thread, i));
                        long finished = System.nanoTime();
                        if (started < warmupEnd) {
                            continue;
                        }
                        if (!ok) {
                            failures.incrementAndGet();
                        } else if (counts[thread] < MAX_SAMPLES_PER_THREAD) {
                            samples[thread][counts[thread]++] = finished - started;
                        }
                    }
                }
            }, "load-" + t);
            worker.start();
            threads.add(worker);
        }
        Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
        long serverCpuAtStart = serverCpu.getAsLong();
        long clientCpuAtStart = CLIENT_CPU.getProcessCpuTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double serverCpuMillis = (serverCpu.getAsLong() - serverCpuAtStart) / 1e6;
        double clientCpuMillis = (CLIENT_CPU.getProcessCpuTime() - clientCpuAtStart) / 1e6;
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, connections, total, failures.get(), measured.toNanos() / 1e9, millis(all, 0.50),
                millis(all, 0.99), millis(all, 0.999), serverCpuMillis, clientCpuMillis);
    }

    /** The request a thread sends next. */
    @FunctionalInterface
    interface CallSource {
        Call call(int thread, int index);
    }

    /** A new keep-alive connection to the server. */
    HttpConnection connect() {
        URI base = URI.create(baseUrl);
        return new HttpConnection(base.getHost(), base.getPort());
    }

    /** Sends one request and says whether it got a 2xx answer. */
    static boolean send(HttpConnection connection, RequestSigner signer, Call call) {
        try {
            int status = answer(connection, signer, call).status();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one request, signed when a signer is given, and returns the answer. */
    static HttpConnection.Answer answer(HttpConnection connection, RequestSigner signer, Call call) throws IOException {
        Map<String, String> headers = signer == null ? Map.of() : signer.headers(call.method(), call.path(), call.body());
        return connection.send(call.method(), call.path(), headers, call.body());
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
