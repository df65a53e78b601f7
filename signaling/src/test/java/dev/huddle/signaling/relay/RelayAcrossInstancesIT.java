package dev.huddle.signaling.relay;

import dev.huddle.authhmac.AuthHmacModule;
import dev.huddle.signaling.SignalingModule;
import dev.huddle.signaling.moderation.ModerationRequests;
import dev.huddle.signaling.moderation.ModerationService;
import dev.huddle.signaling.relay.RelayServer.Client;
import dev.huddle.signaling.relay.bus.NatsBus;
import dev.huddle.signaling.relay.bus.PostgresNotifyBus;
import dev.huddle.signaling.relay.bus.RelayBus;
import dev.huddle.signaling.user.Caller;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one PostgreSQL database, each peer on its own instance: signals cross through LISTEN/NOTIFY
 * (the default there) and through NATS. PostgreSQL only: several instances never share a SQLite file.
 */
class RelayAcrossInstancesIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME, SignalingModule.NAME);
    private static final String NATS = "nats://127.0.0.1:4222";

    private final List<RelayServer> servers = new ArrayList<>();
    /** Closed after the servers, so that no instance sees its link end while it runs. */
    private final List<CuttableLink> links = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        servers.forEach(RelayServer::close);
        for (CuttableLink link : links) {
            link.close();
        }
    }

    @Test
    void peersOnTwoInstancesExchangeSignalsThroughListenNotify() {
        exchangeAcrossListenNotify(Map.of());
    }

    @Test
    void peersOnTwoInstancesExchangeSignalsThroughListenNotifyWithoutTheInstantProbe() {
        exchangeAcrossListenNotify(Map.of("huddle.signaling.notify-instant-probe", "false"));
    }

    private void exchangeAcrossListenNotify(Map<String, Object> settings) {
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        RelayServer first = start(database, settings);
        RelayServer second = start(database, settings);
        assertThat(first.context().getBean(RelayBus.class).name()).isEqualTo("postgresql");
        awaitListening(first);
        awaitListening(second);

        exchangeAcross(first, second);
    }

    @Test
    void aBurstThroughListenNotifyArrivesWholeAndInOrderBesideAStalledAndAVanishedPeer() {
        burstAcrossListenNotify(Map.of());
    }

    @Test
    void aBurstThroughListenNotifyWithoutTheInstantProbeArrivesWholeAndInOrder() {
        burstAcrossListenNotify(Map.of("huddle.signaling.notify-instant-probe", "false"));
    }

    /**
     * Alice, on the first instance, sends a burst as fast as her socket takes it: offers to Bob and chats of nearly
     * 8,000 characters to the room. The publisher sends what queued in few statements, so the second instance's
     * listener reads many notifications at once and hands them to its peers' event loops together. Bob and Carol,
     * there, get every message once and in order, while Dave, there too, reads nothing (his frames pile up) and Erin's
     * connection vanishes mid-burst.
     */
    private void burstAcrossListenNotify(Map<String, Object> settings) {
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        RelayServer first = start(database, settings);
        RelayServer second = start(database, settings);
        awaitListening(first);
        awaitListening(second);
        Client alice = first.newClient("alice");
        Client bob = first.newClient("bob");
        Client carol = first.newClient("carol");
        Client dave = first.newClient("dave");
        Client erin = first.newClient("erin");
        UUID room = first.openRoom(alice);
        first.join(room, alice, bob, carol, dave, erin);

        try (TestPeer a = first.connect(alice, room); TestPeer b = second.connect(bob, room);
             TestPeer c = second.connect(carol, room); TestPeer d = second.connect(dave, room);
             TestPeer e = second.connect(erin, room)) {
            for (int joined = 0; joined < 4; joined++) {
                a.await("joined");
            }
            d.stopReading();
            int count = 300;
            String padding = "x".repeat(7_900);
            List<String> offers = new ArrayList<>();
            List<String> chats = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                offers.add("burst " + i);
                a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"burst " + i + "\"}");
                chats.add(i + " " + padding);
                a.send("{\"type\":\"chat\",\"text\":\"" + i + " " + padding + "\"}");
                if (i == count / 3) {
                    e.abort();
                }
            }
            chats.add("end");
            a.send("{\"type\":\"chat\",\"text\":\"end\"}");

            b.await(frame -> "end".equals(frame.get("text")), "the last chat");
            c.await(frame -> "end".equals(frame.get("text")), "the last chat");
            assertThat(b.received()).filteredOn(frame -> "offer".equals(frame.get("type")))
                    .extracting(frame -> frame.get("sdp")).containsExactlyElementsOf(offers);
            for (TestPeer peer : List.of(b, c)) {
                assertThat(peer.received()).filteredOn(frame -> "chat".equals(frame.get("type")))
                        .extracting(frame -> frame.get("text")).containsExactlyElementsOf(chats);
            }
        }
    }

    @Test
    void peersOnTwoInstancesExchangeSignalsThroughNats() {
        assertNatsRuns();
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        RelayServer first = start(database, Map.of("huddle.signaling.nats.servers", NATS));
        RelayServer second = start(database, Map.of("nats.servers", NATS));
        assertThat(first.context().getBean(RelayBus.class).name()).isEqualTo("nats");
        assertThat(second.context().getBean(RelayBus.class).name()).isEqualTo("nats");

        exchangeAcross(first, second);
    }

    /**
     * Both instances' LISTEN connections are killed mid-stream: what each peer sends while the other's instance is deaf
     * arrives once the listener is back (from the store), what arrived before arrives no second time, and nothing is lost.
     */
    @Test
    void nothingIsLostOrRepeatedWhileTheListenConnectionsReconnect() throws Exception {
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        RelayServer first = start(database, Map.of());
        RelayServer second = start(database, Map.of());
        awaitListening(first);
        awaitListening(second);

        try (Talk talk = Talk.across(first, second)) {
            Client alice = talk.alice();
            Client bob = talk.bob();
            UUID room = talk.room();
            TestPeer a = talk.a();
            TestPeer b = talk.b();
            assertThat(terminateListeners(database)).as("LISTEN connections ended").isEqualTo(2);
            awaitDeaf(first);
            awaitDeaf(second);
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                sent.add("during " + i);
                a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"during " + i + "\"}");
            }
            b.send("{\"type\":\"chat\",\"text\":\"bob during the outage\"}");
            awaitListening(first);
            awaitListening(second);
            sent.add("after");
            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"after\"}");

            // The outage's messages come from the store after the listener is back, so possibly after 'after'.
            for (String sdp : sent) {
                awaitSeen(b, frame -> sdp.equals(frame.get("sdp")), "offer '" + sdp + "'");
            }
            awaitSeen(a, frame -> "bob during the outage".equals(frame.get("text")), "bob's chat from the outage");
            // A last round trip: anything still to come twice would have arrived by its end.
            a.send("{\"type\":\"chat\",\"text\":\"end\"}");
            b.await(frame -> "end".equals(frame.get("text")), "the last chat");
            a.await(frame -> "end".equals(frame.get("text")), "the last chat, back");

            List<Object> offers = b.received().stream().filter(frame -> "offer".equals(frame.get("type")))
                    .map(frame -> frame.get("sdp")).toList();
            assertThat(offers).containsExactlyInAnyOrder("before", "during 1", "during 2", "during 3", "during 4", "during 5",
                    "after");
            assertThat(a.received()).filteredOn(frame -> "joined".equals(frame.get("type"))).hasSize(1);
            assertThat(a.received()).filteredOn(frame -> "bob during the outage".equals(frame.get("text"))).hasSize(1);

            // A removal is never stored: the catch-up asks the database who is still a member.
            assertThat(terminateListeners(database)).as("LISTEN connections ended").isEqualTo(2);
            awaitDeaf(second);
            first.context().getBean(ModerationService.class).ban(new Caller(alice.user(), false), room,
                    new ModerationRequests.BanUser(bob.user().toString(), "spam", null));
            assertThat(b.await("removed")).containsEntry("reason", "banned").containsEntry("to", bob.user().toString());
            assertThat(b.awaitClose()).isEqualTo(4403);
        }
    }

    /**
     * A NATS client that reconnects reports the outage like a LISTEN connection: the catch-up runs, and what arrived
     * before (within the catch-up margin) is not delivered again. (A forced reconnect is too short to lose a message.)
     */
    @Test
    void aNatsReconnectCatchesUpWithoutRepeats() throws Exception {
        assertNatsRuns();
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        RelayServer first = start(database, Map.of("huddle.signaling.nats.servers", NATS));
        RelayServer second = start(database, Map.of("huddle.signaling.nats.servers", NATS));

        try (Talk talk = Talk.across(first, second)) {
            TestPeer a = talk.a();
            TestPeer b = talk.b();
            Client bob = talk.bob();
            RoomRelay relay = second.context().getBean(RoomRelay.class);

            natsConnection(second).forceReconnect();
            awaitCatchUpsPast(relay, 0);
            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"after\"}");
            b.await(frame -> "after".equals(frame.get("sdp")), "the offer after the reconnect");

            assertThat(b.received()).filteredOn(frame -> "offer".equals(frame.get("type")))
                    .extracting(frame -> frame.get("sdp")).containsExactly("before", "after");
        }
    }

    /**
     * NATS loses a message for real: the second instance's link to NATS is cut, the first publishes an offer that NATS
     * carries (a plain subscriber sees it) to nobody on the second, and once the link is back the catch-up delivers it
     * from the store, exactly once.
     */
    @Test
    void aMessageNatsLostDuringAnOutageArrivesOnceFromTheStore() throws Exception {
        assertNatsRuns();
        TestDatabase database = DATABASES.fresh(Engine.POSTGRESQL);
        CuttableLink link = new CuttableLink("127.0.0.1", 4222);
        links.add(link);
        try (io.nats.client.Connection witness = Nats.connect(NATS)) {
            RelayServer first = start(database, Map.of("huddle.signaling.nats.servers", NATS));
            RelayServer second = start(database, Map.of("huddle.signaling.nats.servers", "nats://127.0.0.1:" + link.port()));
            Subscription carried = witness.subscribe(NatsBus.SUBJECT);
            witness.flush(Duration.ofSeconds(5));

            try (Talk talk = Talk.across(first, second)) {
                TestPeer a = talk.a();
                TestPeer b = talk.b();
                RoomRelay relay = second.context().getBean(RoomRelay.class);
                int catchUpsBefore = relay.catchUps();

                link.cut();
                awaitNatsDown(second);
                a.send("{\"type\":\"offer\",\"to\":\"" + talk.bob().user() + "\",\"sdp\":\"lost\"}");
                awaitCarried(carried, "\"sdp\":\"lost\"");
                assertThat(b.received()).as("nothing reached the cut-off instance").noneMatch(frame -> "lost".equals(frame.get("sdp")));

                link.restore();
                b.await(frame -> "lost".equals(frame.get("sdp")), "the offer NATS lost, from the catch-up");
                awaitCatchUpsPast(relay, catchUpsBefore);
                // A last round trip: anything still to come twice would have arrived by its end.
                a.send("{\"type\":\"chat\",\"text\":\"end\"}");
                b.await(frame -> "end".equals(frame.get("text")), "the last chat");

                assertThat(b.received()).filteredOn(frame -> "offer".equals(frame.get("type")))
                        .extracting(frame -> frame.get("sdp")).containsExactly("before", "lost");
            }
        }
    }

    /** Offer, answer, candidate and chat between instances; an offer too large for one NOTIFY; a reconnect elsewhere. */
    private static void exchangeAcross(RelayServer first, RelayServer second) {
        Client alice = first.newClient("alice");
        Client bob = first.newClient("bob");
        UUID room = first.openRoom(alice);
        first.join(room, alice, bob);

        try (TestPeer a = first.connect(alice, room)) {
            String lastSeen;
            try (TestPeer b = second.connect(bob, room)) {
                assertThat(a.await("joined")).containsEntry("from", bob.user().toString());

                a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"v=0 across\"}");
                assertThat(b.await("offer")).containsEntry("from", alice.user().toString()).containsEntry("sdp", "v=0 across");
                b.send("{\"type\":\"answer\",\"to\":\"" + alice.user() + "\",\"sdp\":\"v=0 answered\"}");
                assertThat(a.await("answer")).containsEntry("sdp", "v=0 answered");
                b.send("{\"type\":\"candidate\",\"to\":\"" + alice.user() + "\",\"candidate\":\"candidate:2\",\"sdpMid\":\"a\"}");
                assertThat(a.await("candidate")).containsEntry("candidate", "candidate:2").containsEntry("sdpMid", "a");

                String large = "v=0 " + "é→😀 a=candidate:long line ".repeat(1_200);
                a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"" + large + "\"}");
                assertThat(b.await(frame -> large.equals(frame.get("sdp")), "the large offer")).containsEntry("type", "offer");

                a.send("{\"type\":\"chat\",\"text\":\"across instances\"}");
                lastSeen = (String) b.await("chat").get("id");
            }
            assertThat(a.await("left")).containsEntry("from", bob.user().toString());
            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"while bob was away\"}");
            try (TestPeer b = second.connect(bob, room, "since=" + lastSeen)) {
                assertThat(b.await("offer")).as("stored by the first instance, replayed by the second")
                        .containsEntry("sdp", "while bob was away");
            }
        }
    }

    private RelayServer start(TestDatabase database, Map<String, Object> settings) {
        RelayServer server = RelayServer.start(database, settings);
        servers.add(server);
        return server;
    }

    /** Alice on the first instance and Bob on the second, in one room, Bob holding Alice's offer "before". */
    private record Talk(Client alice, Client bob, UUID room, TestPeer a, TestPeer b) implements AutoCloseable {
        static Talk across(RelayServer first, RelayServer second) {
            Client alice = first.newClient("alice");
            Client bob = first.newClient("bob");
            UUID room = first.openRoom(alice);
            first.join(room, alice, bob);
            TestPeer a = first.connect(alice, room);
            TestPeer b = second.connect(bob, room);
            assertThat(a.await("joined")).containsEntry("from", bob.user().toString());
            a.send("{\"type\":\"offer\",\"to\":\"" + bob.user() + "\",\"sdp\":\"before\"}");
            b.await(frame -> "before".equals(frame.get("sdp")), "the offer \"before\"");
            return new Talk(alice, bob, room, a, b);
        }

        @Override
        public void close() {
            try (a; b) {
                // closes both peers
            }
        }
    }

    /** The instance's NATS client, to cut its connection as a network failure would. */
    private static io.nats.client.Connection natsConnection(RelayServer server) throws ReflectiveOperationException {
        NatsBus bus = (NatsBus) server.context().getBean(RelayBus.class);
        Field connection = NatsBus.class.getDeclaredField("connection");
        connection.setAccessible(true);
        return (io.nats.client.Connection) connection.get(bus);
    }

    /** Waits until the relay has ended more catch-ups after a bus outage than {@code before}. */
    private static void awaitCatchUpsPast(RoomRelay relay, int before) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (relay.catchUps() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No catch-up within 30 s of the NATS reconnect");
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the instance's NATS client knows its connection is gone (it reconnects in the background). */
    private static void awaitNatsDown(RelayServer server) throws Exception {
        io.nats.client.Connection connection = natsConnection(server);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (connection.getStatus() == io.nats.client.Connection.Status.CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The instance's NATS client did not notice its cut link within 30 s");
            }
            Thread.sleep(10);
        }
    }

    /** Waits until NATS carried a relay message containing the text to a subscriber. */
    private static void awaitCarried(Subscription subscription, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Message message = subscription.nextMessage(Duration.ofMillis(100));
            if (message != null && new String(message.getData(), StandardCharsets.UTF_8).contains(text)) {
                return;
            }
        }
        throw new AssertionError("NATS carried no relay message with " + text + " within 30 s");
    }

    /** Waits for a frame unless it has arrived already (awaiting skips past the frames before the one it wants). */
    private static void awaitSeen(TestPeer peer, Predicate<Map<String, Object>> wanted, String what) {
        if (peer.received().stream().noneMatch(wanted)) {
            peer.await(wanted, what);
        }
    }

    /** Ends every LISTEN session on the test's database, as a server restart or a network cut would. */
    private static int terminateListeners(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet ended = statement.executeQuery("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM "
                     + "pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' "
                     + "AND pid <> pg_backend_pid()) AS terminated")) {
            ended.next();
            return ended.getInt(1);
        }
    }

    private static void awaitDeaf(RelayServer server) {
        PostgresNotifyBus bus = (PostgresNotifyBus) server.context().getBean(RelayBus.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (bus.listening()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The instance did not notice its LISTEN connection ended within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitListening(RelayServer server) {
        PostgresNotifyBus bus = (PostgresNotifyBus) server.context().getBean(RelayBus.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!bus.listening()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The instance did not LISTEN within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    /** NATS runs on every dev and CI machine: its absence fails the test, never skips it. */
    private static void assertNatsRuns() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 4222), 2_000);
        } catch (IOException e) {
            throw new AssertionError("No NATS server at 127.0.0.1:4222 (" + e.getMessage() + "): this test needs one; start "
                    + "it (e.g. nats-server -js) and run again. Subject used: " + NatsBus.SUBJECT, e);
        }
    }
}
