package dev.huddle.eventssync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Airtable's list-records endpoint ({@code GET /v0/{base}/{table}}) on a loopback port, as a test scripts it: tables of
 * records served in pages with an {@code offset} to the next, a bearer token it insists on, a number of 429 answers
 * (with or without Retry-After) before it serves again, and a hold that keeps a request waiting until released.
 */
public final class FakeAirtable implements AutoCloseable {
    public static final String BASE_ID = "appFakeBase";
    public static final String TOKEN = "patFakeToken.s3cr3t-value";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Map<String, Map<String, Object>>> tables = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger rateLimitedAnswers = new AtomicInteger();
    private volatile String retryAfter;
    private volatile CountDownLatch held;
    private final CountDownLatch holding = new CountDownLatch(1);

    public FakeAirtable() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v0/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds or replaces a record: {@code fields} alternate field names and values. */
    public FakeAirtable put(String table, String id, String createdTime, Object... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            values.put((String) fields[i], fields[i + 1]);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("createdTime", createdTime);
        record.put("fields", values);
        return putRaw(table, id, record);
    }

    /** Adds a record exactly as given, malformed or not, under the key (its place in the listing). */
    public FakeAirtable putRaw(String table, String key, Map<String, Object> record) {
        tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, record);
        return this;
    }

    public FakeAirtable delete(String table, String id) {
        tables.get(table).remove(id);
        return this;
    }

    /** The next {@code count} requests answer 429, with this Retry-After header (none when null). */
    public void rateLimitNext(int count, String retryAfterSeconds) {
        retryAfter = retryAfterSeconds;
        rateLimitedAnswers.set(count);
    }

    /** The next request waits until the returned latch is counted down; {@link #awaitHeldRequest} sees it arrive. */
    public CountDownLatch holdNextRequest() {
        CountDownLatch release = new CountDownLatch(1);
        held = release;
        return release;
    }

    public void awaitHeldRequest() throws InterruptedException {
        if (!holding.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("No request reached the fake Airtable in 30 s.");
        }
    }

    /** Every request's path and query, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(exchange.getRequestURI().toString());
            CountDownLatch release = held;
            if (release != null) {
                held = null;
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("error", Map.of("type", "AUTHENTICATION_REQUIRED", "message", "Authentication required")));
                return;
            }
            if (rateLimitedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                send(exchange, 429, Map.of("errors", List.of(Map.of("error", "RATE_LIMIT_REACHED"))));
                return;
            }
            String[] path = exchange.getRequestURI().getRawPath().split("/");
            if (path.length != 4 || !BASE_ID.equals(path[2])) {
                send(exchange, 404, Map.of("error", "NOT_FOUND"));
                return;
            }
            Map<String, Object> page = page(URLDecoder.decode(path[3], StandardCharsets.UTF_8), query(exchange));
            if (page == null) {
                send(exchange, 404, Map.of("error", Map.of("type", "TABLE_NOT_FOUND", "message", "Could not find table")));
            } else {
                send(exchange, 200, page);
            }
        }
    }

    private Map<String, Object> page(String table, Map<String, String> query) {
        Map<String, Map<String, Object>> records = tables.get(table);
        if (records == null) {
            return null;
        }
        List<Map<String, Object>> all = new ArrayList<>(records.values());
        int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "100"));
        int from = query.containsKey("offset") ? Integer.parseInt(query.get("offset").substring("itr".length())) : 0;
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("records", all.subList(from, to));
        if (to < all.size()) {
            page.put("offset", "itr" + to);
        }
        return page;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
