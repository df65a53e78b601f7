package dev.huddle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * App instances for the signaling benchmark: the server jar started once per instance on one database (a fresh
 * PostgreSQL database or SQLite file), each on its own loopback port, stopped and the database dropped at the end.
 */
final class RelayInstances implements AutoCloseable {
    /** Throwaway secrets for the benchmark's own, freshly created databases. */
    static final String ADMIN_TOKEN = "bench-only-admin-bootstrap-token-0123456789";
    private static final String SERVER_KEY = "YmVuY2gtb25seS1zZXJ2ZXIta2V5LTMyLWJ5dGVzISE=";

    private final List<Process> processes = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final BenchDatabase database;

    private RelayInstances(BenchDatabase database) {
        this.database = database;
    }

    /** Starts {@code count} instances, one after the other (the first migrates the database). */
    static RelayInstances start(BenchDatabase database, int count, Map<String, String> environment, Path app, Path work)
            throws Exception {
        RelayInstances instances = new RelayInstances(database);
        try {
            for (int i = 0; i < count; i++) {
                instances.startOne(i, environment, app, work);
            }
        } catch (Exception e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    private void startOne(int index, Map<String, String> environment, Path app, Path work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", app.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(work).resolve("signaling-app-" + index + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("DATABASE_URL", database.url());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("HUDDLE_AUTH_SERVER_KEY", SERVER_KEY);
        builder.environment().put("HUDDLE_AUTH_ADMIN_BOOTSTRAP_TOKEN", ADMIN_TOKEN);
        Process process = builder.start();
        processes.add(process);
        String url = "http://127.0.0.1:" + port;
        awaitUp(process, url);
        urls.add(url);
    }

    List<String> urls() {
        return urls;
    }

    /** User plus system CPU time of every instance so far. */
    Duration cpu() {
        return processes.stream().map(process -> process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static void awaitUp(Process process, String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("An instance exited while booting; see bench/target/work/signaling-app-*.log");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException stillBooting) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("An instance did not answer /health within 180 s");
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        database.close();
    }
}
