package dev.huddle.signaling;

import dev.huddle.signaling.SignalingServer.Client;
import dev.huddle.signaling.SignalingServer.Reply;
import dev.huddle.signaling.apikey.ApiKeyVerifier;
import dev.huddle.signaling.room.MembershipEnded;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The signaling REST API over signed HTTP, on each engine with the same code. */
class SignalingApiIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = SignalingContext.databases();

    private TestDatabase database;
    private SignalingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRoomIsCreatedListedInPagesAndClosedForEveryone(Engine engine) {
        start(engine);
        Client alice = server.client("alice", false);
        Client bob = server.client("bob", false);
        Map<String, Object> lobby = alice.post("/api/signaling/rooms", "{\"name\":\"lobby\",\"maxParticipants\":5}").expect(201).map();
        assertThat(lobby).containsEntry("status", "open").containsEntry("isPrivate", false).containsEntry("maxParticipants", 5)
                .containsEntry("createdBy", alice.userId()).containsEntry("members", 0).containsEntry("closedAt", null);
        alice.post("/api/signaling/rooms", "{\"name\":\"second\"}").expect(201);
        alice.post("/api/signaling/rooms", "{\"name\":\"third\"}").expect(201);
        alice.post("/api/signaling/rooms", "{\"name\":\"hidden\",\"isPrivate\":true}").expect(201);
        String id = (String) lobby.get("id");
        assertThat(bob.get("/api/signaling/rooms/" + id).expect(200).map()).isEqualTo(lobby);

        Map<String, Object> first = bob.get("/api/signaling/rooms?size=2").expect(200).map();
        Map<String, Object> second = bob.get("/api/signaling/rooms?size=2&page=1").expect(200).map();
        assertThat(first).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(names(first)).containsExactly("third", "second");
        assertThat(names(second)).containsExactly("lobby");
        assertThat(names(alice.get("/api/signaling/rooms").expect(200).map())).as("a private room is listed to its creator")
                .containsExactly("hidden", "third", "second", "lobby");

        alice.post("/api/signaling/rooms/" + id + "/join", null).expect(200);
        bob.post("/api/signaling/rooms/" + id + "/join", null).expect(200);
        Map<String, Object> closed = alice.post("/api/signaling/rooms/" + id + "/close", null).expect(200).map();
        assertThat(closed).containsEntry("status", "closed").containsEntry("members", 0);
        assertThat(closed.get("closedAt")).isNotNull();
        assertThat(server.context().getBean(MembershipEvents.class).received()).singleElement().satisfies(event -> {
            assertThat(event.cause()).isEqualTo(MembershipEnded.Cause.ROOM_CLOSED);
            assertThat(event.userIds()).extracting(UUID::toString).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        });
        assertThat(bob.get("/api/signaling/rooms/" + id + "/members").expect(200).list()).isEmpty();
        assertThat(bob.post("/api/signaling/rooms/" + id + "/join", null).expect(409).reason()).isEqualTo("room_closed");
        assertThat(alice.post("/api/signaling/rooms/" + id + "/close", null).expect(409).reason()).isEqualTo("room_closed");
        assertThat(names(bob.get("/api/signaling/rooms").expect(200).map())).containsExactly("third", "second");
        assertThat(names(bob.get("/api/signaling/rooms?includeClosed=true").expect(200).map())).contains("lobby");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void membersJoinAndLeaveWithinMaxParticipants(Engine engine) {
        start(engine);
        Client alice = server.client("alice", false);
        Client bob = server.client("bob", false);
        Client carol = server.client("carol", false);
        String room = alice.post("/api/signaling/rooms", "{\"name\":\"pair\",\"maxParticipants\":2}").expect(201).text("id");

        alice.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        assertThat(bob.post("/api/signaling/rooms/" + room + "/join", null).expect(200).map()).containsEntry("members", 2);
        alice.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        Reply full = carol.post("/api/signaling/rooms/" + room + "/join", null).expect(409);
        assertThat(full.reason()).isEqualTo("room_full");
        assertThat((String) full.map().get("message")).contains("at most 2");
        assertThat(alice.get("/api/signaling/rooms/" + room + "/members").expect(200).list())
                .extracting(member -> member.get("displayName")).containsExactly("alice", "bob");

        bob.post("/api/signaling/rooms/" + room + "/leave", null).expect(204);
        bob.post("/api/signaling/rooms/" + room + "/leave", null).expect(204);
        assertThat(server.context().getBean(MembershipEvents.class).received()).as("one leave, announced once")
                .extracting(MembershipEnded::cause).containsExactly(MembershipEnded.Cause.LEFT);
        carol.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        assertThat(alice.get("/api/signaling/rooms/" + room + "/members").expect(200).list())
                .extracting(member -> member.get("userId")).containsExactly(alice.userId(), carol.userId());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBannedUserIsRefusedUntilUnbannedOrTheBanExpires(Engine engine) throws SQLException {
        start(engine);
        Client alice = server.client("alice", false);
        Client bob = server.client("bob", false);
        String room = alice.post("/api/signaling/rooms", "{\"name\":\"moderated\"}").expect(201).text("id");
        bob.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        String bans = "/api/signaling/rooms/" + room + "/bans";

        Map<String, Object> ban = alice.post(bans, "{\"userId\":\"" + bob.userId() + "\",\"reason\":\"spam\"}").expect(200).map();
        assertThat(ban).containsEntry("reason", "spam").containsEntry("expiresAt", null).containsEntry("active", true)
                .containsEntry("bannedBy", alice.userId());
        assertThat(alice.get("/api/signaling/rooms/" + room + "/members").expect(200).list()).as("a ban removes the member").isEmpty();
        assertThat(server.context().getBean(MembershipEvents.class).received()).containsExactly(new MembershipEnded(
                UUID.fromString(room), List.of(UUID.fromString(bob.userId())), MembershipEnded.Cause.BANNED));
        Reply refused = bob.post("/api/signaling/rooms/" + room + "/join", null).expect(403);
        assertThat(refused.reason()).isEqualTo("banned");
        assertThat((String) refused.map().get("message")).contains("spam");

        String later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS).toString();
        alice.post(bans, "{\"userId\":\"" + bob.userId() + "\",\"reason\":\"still spam\",\"expiresAt\":\"" + later + "\"}").expect(200);
        assertThat(alice.get(bans).expect(200).list()).singleElement()
                .satisfies(only -> assertThat(only).containsEntry("reason", "still spam").containsEntry("expiresAt", later));
        assertThat(bob.post("/api/signaling/rooms/" + room + "/join", null).expect(403).reason()).isEqualTo("banned");

        expireBans(room);
        bob.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        assertThat(alice.get(bans).expect(200).list()).singleElement().satisfies(only -> assertThat(only).containsEntry("active", false));

        alice.post(bans, "{\"userId\":\"" + bob.userId() + "\"}").expect(200);
        alice.delete(bans + "/" + bob.userId()).expect(204);
        alice.delete(bans + "/" + bob.userId()).expect(204);
        bob.post("/api/signaling/rooms/" + room + "/join", null).expect(200);
        assertThat(alice.post(bans, "{\"userId\":\"" + alice.userId() + "\"}").expect(409).reason()).isEqualTo("cannot_ban_creator");
        assertThat(alice.post(bans, "{\"userId\":\"" + bob.userId() + "\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}").expect(400)
                .map().get("message")).asString().contains("not in the future");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onlyTheCreatorModeratorsAndAdminsGovernARoom(Engine engine) {
        start(engine);
        Client alice = server.client("alice", false);
        Client bob = server.client("bob", false);
        Client carol = server.client("carol", false);
        Client admin = server.client("admin", true);
        String room = alice.post("/api/signaling/rooms", "{\"name\":\"governed\"}").expect(201).text("id");
        String base = "/api/signaling/rooms/" + room;
        String banCarol = "{\"userId\":\"" + carol.userId() + "\"}";
        String promoteBob = "{\"userId\":\"" + bob.userId() + "\"}";

        assertThat(bob.post(base + "/bans", banCarol).expect(403).reason()).isEqualTo("not_moderator");
        assertThat(bob.get(base + "/bans").expect(403).reason()).isEqualTo("not_moderator");
        assertThat(bob.delete(base + "/bans/" + carol.userId()).expect(403).reason()).isEqualTo("not_moderator");
        assertThat(bob.post(base + "/moderators", promoteBob).expect(403).reason()).isEqualTo("not_moderator");
        assertThat(bob.post(base + "/close", null).expect(403).reason()).isEqualTo("not_moderator");

        Map<String, Object> granted = alice.post(base + "/moderators", promoteBob).expect(200).map();
        assertThat(granted).containsEntry("userId", bob.userId()).containsEntry("grantedBy", alice.userId());
        assertThat(alice.post(base + "/moderators", promoteBob).expect(200).map()).as("promoting again").isEqualTo(granted);
        assertThat(carol.get(base + "/moderators").expect(200).list()).containsExactly(granted);

        bob.post(base + "/bans", banCarol).expect(200);
        assertThat(carol.post(base + "/join", null).expect(403).reason()).isEqualTo("banned");
        admin.post(base + "/close", null).expect(200);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void adminsCreateListAndRevokeApiKeysWhoseSecretIsShownOnce(Engine engine) throws Exception {
        start(engine);
        Client admin = server.client("admin", true);
        Client user = server.client("user", false);

        Map<String, Object> created = admin.post("/api/admin/signaling/api-keys", "{\"name\":\"media\",\"scopes\":[\"relay\",\"rooms:read\"]}")
                .expect(201).map();
        String key = (String) created.get("key");
        String id = (String) created.get("id");
        assertThat(key).startsWith("hk_");
        assertThat(created).containsEntry("name", "media").containsEntry("scopes", List.of("relay", "rooms:read"));
        assertThat(storedHash(id)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8))));

        List<Map<String, Object>> listed = admin.get("/api/admin/signaling/api-keys").expect(200).list();
        assertThat(listed).singleElement().satisfies(only -> assertThat(only).containsOnlyKeys("id", "name", "scopes",
                "createdAt", "lastUsedAt", "revokedAt").containsEntry("revokedAt", null));
        assertThat(server.context().getBean(ApiKeyVerifier.class).verify(key)).isPresent();

        assertThat(user.post("/api/admin/signaling/api-keys", "{\"name\":\"mine\"}").expect(403).reason()).isEqualTo("not_admin");
        assertThat(user.get("/api/admin/signaling/api-keys").expect(403).reason()).isEqualTo("not_admin");
        assertThat(user.delete("/api/admin/signaling/api-keys/" + id).expect(403).reason()).isEqualTo("not_admin");

        Map<String, Object> revoked = admin.delete("/api/admin/signaling/api-keys/" + id).expect(200).map();
        assertThat(revoked.get("revokedAt")).isNotNull();
        assertThat(revoked).doesNotContainKey("key");
        assertThat(admin.delete("/api/admin/signaling/api-keys/" + id).expect(200).map()).containsEntry("revokedAt", revoked.get("revokedAt"));
        assertThat(server.context().getBean(ApiKeyVerifier.class).verify(key)).isEmpty();
        admin.delete("/api/admin/signaling/api-keys/" + UUID.randomUUID()).expect(404);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesBadRequestsAndUnknownIdsWritingNothing(Engine engine) throws Exception {
        start(engine);
        Client alice = server.client("alice", false);
        Client admin = server.client("admin", true);
        String room = alice.post("/api/signaling/rooms", "{\"name\":\"only\"}").expect(201).text("id");
        String unknown = UUID.randomUUID().toString();

        assertThat(message(alice.get("/api/signaling/rooms/nope").expect(400))).contains("roomId 'nope' is not a UUID");
        assertThat(message(alice.post("/api/signaling/rooms", "{}").expect(400))).contains("name is missing");
        assertThat(message(alice.post("/api/signaling/rooms", null).expect(400))).contains("name is missing");
        assertThat(message(alice.post("/api/signaling/rooms", "{\"name\":\"" + "x".repeat(101) + "\"}").expect(400))).contains("at most 100");
        assertThat(message(alice.post("/api/signaling/rooms", "{\"name\":\"r\",\"maxParticipants\":0}").expect(400))).contains("maxParticipants is 0");
        assertThat(message(alice.post("/api/signaling/rooms", "{\"name\":").expect(400))).contains("not the JSON object");
        assertThat(alice.post("/api/signaling/rooms", "{\"name\":\"only\"}").expect(409).reason()).isEqualTo("room_name_taken");
        assertThat(message(alice.get("/api/signaling/rooms?size=0").expect(400))).contains("size is 0");
        assertThat(message(alice.get("/api/signaling/rooms?page=x").expect(400))).contains("page 'x' is not a whole number");
        assertThat(message(alice.get("/api/signaling/rooms?includeClosed=yes").expect(400))).contains("send true or false");
        assertThat(message(alice.post("/api/signaling/rooms/" + room + "/bans", "{\"userId\":\"bob\"}").expect(400))).contains("userId 'bob'");
        assertThat(message(alice.post("/api/signaling/rooms/" + room + "/bans", "{\"userId\":\"" + unknown + "\"}").expect(404)))
                .contains("No signaling user has id " + unknown);
        assertThat(message(alice.post("/api/signaling/rooms/" + room + "/bans",
                "{\"userId\":\"" + admin.userId() + "\",\"expiresAt\":\"soon\"}").expect(400))).contains("not an ISO-8601");
        assertThat(message(alice.post("/api/signaling/rooms/" + room + "/moderators", "{}").expect(400))).contains("userId '' is not a UUID");
        assertThat(message(admin.post("/api/admin/signaling/api-keys", "{\"name\":\"k\",\"scopes\":[\"Bad Scope\"]}").expect(400)))
                .contains("'Bad Scope' is not allowed");
        assertThat(message(admin.post("/api/admin/signaling/api-keys", "{\"scopes\":[]}").expect(400))).contains("name is missing");
        for (String path : List.of("/api/signaling/rooms/" + unknown, "/api/signaling/rooms/" + unknown + "/members",
                "/api/signaling/rooms/" + unknown + "/moderators")) {
            assertThat(message(alice.get(path).expect(404))).contains("No room has id " + unknown);
        }
        for (String action : List.of("join", "leave", "close")) {
            alice.post("/api/signaling/rooms/" + unknown + "/" + action, null).expect(404);
        }
        alice.post("/api/signaling/rooms/" + unknown + "/bans", "{\"userId\":\"" + admin.userId() + "\"}").expect(404);

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThat(Queries.count(statement, "SELECT count(*) FROM rooms")).isEqualTo(1);
            for (String table : List.of("room_members", "banned_users", "room_moderators", "api_keys")) {
                assertThat(Queries.count(statement, "SELECT count(*) FROM " + table)).as(table).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnsignedRequestIsRefusedBeforeTheApi(Engine engine) throws Exception {
        start(engine);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri("/api/signaling/rooms")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private void start(Engine engine) {
        database = DATABASES.fresh(engine);
        server = SignalingServer.start(database);
    }

    /** What time does to a ban: its end moves into the past. */
    private void expireBans(String room) throws SQLException {
        String past = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE banned_users SET expires_at = '" + past + "' WHERE room_id = '" + room + "'");
        }
    }

    private String storedHash(String keyId) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            return Queries.text(statement, "SELECT key_hash FROM api_keys WHERE id = '" + keyId + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(room -> (String) room.get("name")).toList();
    }

    private static String message(Reply reply) {
        return (String) reply.map().get("message");
    }
}
