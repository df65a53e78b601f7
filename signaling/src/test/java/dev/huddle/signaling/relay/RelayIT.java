package dev.huddle.signaling.relay;

import dev.huddle.authhmac.AuthHmacModule;
import dev.huddle.signaling.SignalingModule;
import dev.huddle.signaling.apikey.ApiKeyRequests;
import dev.huddle.signaling.apikey.ApiKeyService;
import dev.huddle.signaling.moderation.ModerationRequests;
import dev.huddle.signaling.moderation.ModerationService;
import dev.huddle.signaling.relay.RelayServer.Client;
import dev.huddle.signaling.relay.RelayServer.Refused;
import dev.huddle.signaling.relay.handshake.PeerAuthenticator;
import dev.huddle.signaling.relay.store.SignalWriter;
import dev.huddle.signaling.room.RoomService;
import dev.huddle.signaling.user.Caller;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay on one instance, over each engine with the same code, with real WebSocket clients. */
class RelayIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME, SignalingModule.NAME);

    private RelayServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoPeersCompleteAnOfferAnswerAndCandidateExchange(Engine engine) throws Exception {
        TestDatabase database = DATABASES.fresh(engine);
        server = RelayServer.start(database);
        Client alice = server.newClient("alice");
        Client bob = server.newClient("bob");
        UUID room = server.openRoom(alice);
        server.join(room, alice, bob);

        try (TestPeer a = server.connect(alice, room); TestPeer b = server.connect(bob, room)) {
            assertThat(b.welcome()).containsEntry("to", bob.user().toString()).containsEntry("room", room.toString());
            assertThat(a.await("joined")).containsEntry("from", bob.user().toString());

            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"v=0 offer\"}");
            Map<String, Object> offer = b.await("offer");
            assertThat(offer).containsEntry("from", alice.user().toString()).containsEntry("sdp", "v=0 offer");
            b.send("{\"type\":\"answer\",\"to\":\"" + alice.user() + "\",\"sdp\":\"v=0 answer\"}");
            assertThat(a.await("answer")).containsEntry("from", bob.user().toString()).containsEntry("sdp", "v=0 answer");
            b.send("{\"type\":\"candidate\",\"to\":\"" + alice.user() + "\",\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 "
                    + "typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");
            assertThat(a.await("candidate")).containsEntry("sdpMid", "0").containsEntry("sdpMLineIndex", 0)
                    .containsEntry("candidate", "candidate:1 1 udp 1 10.0.0.1 5000 typ host");

            server.context().getBean(SignalWriter.class).awaitStored();
            assertThat(count(database, "sdp_signals", room)).isEqualTo(2);
            assertThat(count(database, "ice_candidates", room)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void chatReachesEveryoneInTheRoomAndJoinsAndLeavesAreAnnounced(Engine engine) throws Exception {
        TestDatabase database = DATABASES.fresh(engine);
        server = RelayServer.start(database);
        Client alice = server.newClient("alice");
        Client bob = server.newClient("bob");
        Client carol = server.newClient("carol");
        Client outsider = server.newClient("dave");
        UUID room = server.openRoom(alice);
        UUID otherRoom = server.openRoom(outsider);
        server.join(room, alice, bob, carol);
        server.join(otherRoom, outsider);

        try (TestPeer a = server.connect(alice, room); TestPeer b = server.connect(bob, room);
             TestPeer d = server.connect(outsider, otherRoom)) {
            assertThat(a.await("joined")).containsEntry("from", bob.user().toString());
            TestPeer c = server.connect(carol, room);
            assertThat(a.await("joined")).containsEntry("from", carol.user().toString());
            assertThat(b.await("joined")).containsEntry("from", carol.user().toString());

            c.send("{\"type\":\"chat\",\"text\":\"hello room\"}");
            for (TestPeer peer : List.of(a, b, c)) {
                assertThat(peer.await("chat")).containsEntry("text", "hello room").containsEntry("from", carol.user().toString());
            }
            c.close();
            assertThat(a.await("left")).containsEntry("from", carol.user().toString());
            assertThat(b.await("left")).containsEntry("from", carol.user().toString());

            d.send("{\"type\":\"chat\",\"text\":\"elsewhere\"}");
            d.await("chat");
            a.send("{\"type\":\"chat\",\"text\":\"last\"}");
            a.await("chat");
            assertThat(a.received()).noneMatch(frame -> "elsewhere".equals(frame.get("text")));
            server.context().getBean(SignalWriter.class).awaitStored();
            assertThat(count(database, "messages", room)).isEqualTo(2);
            // Alice's, Bob's and Carol's joins and Carol's leave, stored like the signals.
            assertThat(count(database, "room_presence", room)).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFrameTheRelayCannotReadIsAnsweredWithAnErrorAndNotRelayed(Engine engine) {
        server = RelayServer.start(DATABASES.fresh(engine));
        Client alice = server.newClient("alice");
        UUID room = server.openRoom(alice);
        server.join(room, alice);

        try (TestPeer a = server.connect(alice, room)) {
            a.send("not json");
            assertThat((String) a.await("error").get("message")).contains("JSON");
            a.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
            assertThat((String) a.await("error").get("message")).contains("\"to\"");
            a.send("{\"type\":\"joined\"}");
            assertThat((String) a.await("error").get("message")).contains("Unknown type");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void refusesABannedUserABadSignatureANonMemberAndAnUnknownRoomWithTheReason(Engine engine) throws SQLException {
        TestDatabase database = DATABASES.fresh(engine);
        server = RelayServer.start(database);
        Client alice = server.newClient("alice");
        Client mallory = server.newClient("mallory");
        Client stranger = server.newClient("stranger");
        UUID room = server.openRoom(alice);
        server.join(room, alice, mallory);
        ban(database, room, mallory, "spam");
        String path = "/signaling/rooms/" + room + "/ws";

        Refused banned = server.refusedConnection(path, RelayServer.signedHeaders(mallory, path));
        assertThat(banned.closeCode()).isEqualTo(4403);
        assertThat(banned.reason()).isEqualTo("banned");
        assertThat(banned.message()).contains("spam");

        Refused notMember = server.refusedConnection(path, RelayServer.signedHeaders(stranger, path));
        assertThat(notMember.closeCode()).isEqualTo(4403);
        assertThat(notMember.reason()).isEqualTo("not_a_member");

        Map<String, String> signedForAnotherPath = RelayServer.signedHeaders(alice, path + "?since=" + UUID.randomUUID());
        Refused badSignature = server.refusedConnection(path, signedForAnotherPath);
        assertThat(badSignature.closeCode()).isEqualTo(4401);
        assertThat(badSignature.reason()).isEqualTo("bad_signature");

        Refused unsigned = server.refusedConnection(path, Map.of());
        assertThat(unsigned.closeCode()).isEqualTo(4401);
        assertThat(unsigned.reason()).isEqualTo("missing_header");
        assertThat(unsigned.message()).contains(PeerAuthenticator.API_KEY_HEADER);

        String unknownRoom = "/signaling/rooms/" + UUID.randomUUID() + "/ws";
        Refused missing = server.refusedConnection(unknownRoom, RelayServer.signedHeaders(alice, unknownRoom));
        assertThat(missing.closeCode()).isEqualTo(4404);
        assertThat(missing.reason()).isEqualTo("room_not_found");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aServerConnectsWithAnApiKeyOnceItsUserHasJoined(Engine engine) {
        server = RelayServer.start(DATABASES.fresh(engine));
        Client alice = server.newClient("alice");
        UUID room = server.openRoom(alice);
        server.join(room, alice);
        String key = server.context().getBean(ApiKeyService.class).create(new ApiKeyRequests("media-server", List.of())).key();
        String path = "/signaling/rooms/" + room + "/ws";

        Refused wrongKey = server.refusedConnection(path, Map.of(PeerAuthenticator.API_KEY_HEADER, key + "x"));
        assertThat(wrongKey.closeCode()).isEqualTo(4401);
        assertThat(wrongKey.reason()).isEqualTo("bad_api_key");
        assertThat(wrongKey.message()).doesNotContain(key);

        Refused notJoined = server.refusedConnection(path, Map.of(PeerAuthenticator.API_KEY_HEADER, key));
        assertThat(notJoined.reason()).isEqualTo("not_a_member");
        UUID mediaServer = UUID.fromString(notJoined.message().replaceAll(".*User ([0-9a-f-]{36}).*", "$1"));
        server.join(room, new Client(null, mediaServer));

        try (TestPeer a = server.connect(alice, room);
             TestPeer media = server.open(path, Map.of(PeerAuthenticator.API_KEY_HEADER, key))) {
            assertThat(media.welcome()).containsEntry("to", mediaServer.toString());
            a.send("{\"type\":\"offer\",\"to\":\"" + mediaServer + "\",\"sdp\":\"v=0 to the media server\"}");
            assertThat(media.await("offer")).containsEntry("from", alice.user().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReconnectingPeerReceivesWhatWasAddressedToItWhileAway(Engine engine) {
        server = RelayServer.start(DATABASES.fresh(engine));
        Client alice = server.newClient("alice");
        Client bob = server.newClient("bob");
        Client carol = server.newClient("carol");
        UUID room = server.openRoom(alice);
        server.join(room, alice, bob, carol);

        try (TestPeer a = server.connect(alice, room)) {
            String lastSeen;
            try (TestPeer b = server.connect(bob, room)) {
                a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"seen before leaving\"}");
                lastSeen = (String) b.await("offer").get("id");
            }
            a.await("left");
            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"missed offer\"}");
            a.send("{\"type\":\"candidate\",\"to\":\"" + bob.user() + "\",\"candidate\":\"missed candidate\",\"sdpMLineIndex\":1}");
            a.send("{\"type\":\"chat\",\"text\":\"missed chat\"}");
            a.await(frame -> "missed chat".equals(frame.get("text")), "alice's own chat");
            try (TestPeer c = server.connect(carol, room)) {
                c.welcome();
            }
            a.await(frame -> "left".equals(frame.get("type")) && carol.user().toString().equals(frame.get("from")),
                    "carol's leave");

            try (TestPeer b = server.connect(bob, room, "since=" + lastSeen)) {
                assertThat(b.await("offer")).containsEntry("sdp", "missed offer");
                assertThat(b.await("candidate")).containsEntry("candidate", "missed candidate").containsEntry("sdpMLineIndex", 1);
                assertThat(b.await("chat")).containsEntry("text", "missed chat");
                assertThat(b.await("joined")).as("carol came while bob was away").containsEntry("from", carol.user().toString());
                assertThat(b.await("left")).containsEntry("from", carol.user().toString());
                a.send("{\"type\":\"chat\",\"text\":\"live again\"}");
                b.await(frame -> "live again".equals(frame.get("text")), "the live chat after the replay");
                assertThat(b.received()).noneMatch(frame -> "seen before leaving".equals(frame.get("sdp")));
                assertThat(b.received().stream().filter(frame -> "missed offer".equals(frame.get("sdp")))).hasSize(1);
                assertThat(b.received()).as("bob's own joins and leaves are not replayed to him")
                        .noneMatch(frame -> bob.user().toString().equals(frame.get("from")) && frame.get("type").toString()
                                .matches("joined|left"));
                assertThat(b.received()).filteredOn(frame -> "joined".equals(frame.get("type"))).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPeerIsDisconnectedWhenBannedAndEveryoneWhenTheRoomCloses(Engine engine) {
        server = RelayServer.start(DATABASES.fresh(engine));
        Client alice = server.newClient("alice");
        Client bob = server.newClient("bob");
        Client carol = server.newClient("carol");
        UUID room = server.openRoom(alice);
        server.join(room, alice, bob, carol);

        try (TestPeer a = server.connect(alice, room); TestPeer b = server.connect(bob, room);
             TestPeer c = server.connect(carol, room)) {
            server.context().getBean(ModerationService.class).ban(new Caller(alice.user(), false), room,
                    new ModerationRequests.BanUser(bob.user().toString(), "spam", null));
            assertThat(b.await("removed")).containsEntry("reason", "banned").containsEntry("to", bob.user().toString());
            assertThat(b.awaitClose()).isEqualTo(4403);
            assertThat(a.await("left")).containsEntry("from", bob.user().toString());

            server.context().getBean(RoomService.class).close(new Caller(alice.user(), false), room);
            assertThat(a.await("removed")).containsEntry("reason", "room_closed");
            assertThat(c.await("removed")).containsEntry("reason", "room_closed");
            assertThat(c.awaitClose()).isEqualTo(4403);
        }
    }

    private static int count(TestDatabase database, String table, UUID room) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE room_id = '" + room + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A ban row as the moderation API writes it. */
    static void ban(TestDatabase database, UUID room, Client user, String reason) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO banned_users (id, room_id, user_id, reason) VALUES ('" + UUID.randomUUID()
                    + "', '" + room + "', '" + user.user() + "', '" + reason + "')");
        }
    }
}
