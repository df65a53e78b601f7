package dev.huddle.bench;

import dev.huddle.authhmac.client.SignedHeaders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's population: one admin session that opens registration, then a session per peer, and rooms of
 * {@code peers / rooms} members written straight into the database (users named {@code session:<id>}, as the
 * signaling module maps sessions; rooms; memberships), so that setting up 1,000 peers takes seconds.
 */
final class RelayPeers {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

    /** One peer: how it signs, its signaling user, its room and its place in the room. */
    record Peer(dev.huddle.authhmac.client.RequestSigner signer, UUID user, UUID room, int seat) {
    }

    private RelayPeers() {
    }

    static List<Peer> create(String url, BenchDatabase database, int peers, int rooms) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] admin = session(http, url, "{\"deviceId\":\"bench-admin\",\"name\":\"bench admin\",\"adminToken\":\""
                + RelayInstances.ADMIN_TOKEN + "\"}");
        String settings = "{\"serverName\":\"signaling bench\",\"registrationMode\":\"open\"}";
        SignedHeaders signed = new dev.huddle.authhmac.client.RequestSigner(admin[0], admin[1])
                .sign("PUT", "/api/admin/settings", settings.getBytes());
        HttpRequest.Builder open = HttpRequest.newBuilder(URI.create(url + "/api/admin/settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(settings));
        signed.asMap().forEach(open::header);
        expect(http.send(open.build(), HttpResponse.BodyHandlers.ofString()), 200);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> sessions = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            String body = "{\"deviceId\":\"bench-peer-" + i + "\",\"name\":\"peer " + i + "\"}";
            sessions.add(pool.submit(() -> session(http, url, body)));
        }
        List<UUID> roomIds = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            roomIds.add(UUID.randomUUID());
        }
        List<Peer> population = new ArrayList<>();
        StringBuilder users = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < peers; i++) {
            String[] session = sessions.get(i).get();
            UUID user = UUID.randomUUID();
            UUID room = roomIds.get(i % rooms);
            population.add(new Peer(new dev.huddle.authhmac.client.RequestSigner(session[0], session[1]), user, room, i / rooms));
            users.append(users.isEmpty() ? "" : ",").append("('").append(user).append("','session:").append(session[0]).append("')");
            members.append(members.isEmpty() ? "" : ",").append("('").append(room).append("','").append(user).append("')");
        }
        pool.shutdown();
        StringBuilder roomRows = new StringBuilder();
        for (UUID room : roomIds) {
            roomRows.append(roomRows.isEmpty() ? "" : ",").append("('").append(room).append("','bench-").append(room).append("')");
        }
        // Generated ids and fixed text only, so literals are safe; PostgreSQL casts them to uuid itself.
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO users (id, username) VALUES " + users);
            statement.executeUpdate("INSERT INTO rooms (id, name) VALUES " + roomRows);
            statement.executeUpdate("INSERT INTO room_members (room_id, user_id) VALUES " + members);
        }
        return population;
    }

    private static String[] session(HttpClient http, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String answer = expect(http.send(request, HttpResponse.BodyHandlers.ofString()), 201);
        return new String[] {field(ID, answer), field(SECRET, answer)};
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected answer from the app: " + body);
        }
        return matcher.group(1);
    }
}
