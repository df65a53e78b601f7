package dev.huddle.signaling;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.signaling.apikey.ApiKeyIdentity;
import dev.huddle.signaling.apikey.ApiKeyRequests;
import dev.huddle.signaling.apikey.ApiKeyService;
import dev.huddle.signaling.apikey.ApiKeyVerifier;
import dev.huddle.signaling.apikey.ApiKeyViews;
import dev.huddle.signaling.room.Admission;
import dev.huddle.signaling.room.Admission.Refusal;
import dev.huddle.signaling.room.Room;
import dev.huddle.signaling.room.RoomAdmission;
import dev.huddle.signaling.room.RoomRepository;
import dev.huddle.signaling.user.SignalingUser;
import dev.huddle.signaling.user.SignalingUsers;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three beans the relay builds on, against each engine with the same code: a session's signaling user, room
 * admission, and API key verification.
 */
class SignalingContractIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = SignalingContext.databases();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSessionIsOneSignalingUserCreatedOnFirstUse(Engine engine) {
        try (ApplicationContext context = SignalingContext.beans(DATABASES.fresh(engine))) {
            SignalingUsers users = context.getBean(SignalingUsers.class);
            SignedSession ada = session("Ada", false);

            UUID first = users.userIdOf(ada);
            UUID again = users.userIdOf(ada);
            UUID other = users.userIdOf(session("Ada", false));

            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            SignalingUser user = users.find(first).orElseThrow();
            assertThat(user.username()).isEqualTo("session:" + ada.id());
            assertThat(user.displayName()).isEqualTo("Ada");

            ApiKeyIdentity key = new ApiKeyIdentity(UUID.randomUUID(), "media-server", List.of("relay"));
            UUID keyUser = users.userIdOf(key);
            assertThat(users.userIdOf(key)).isEqualTo(keyUser);
            assertThat(users.find(keyUser).orElseThrow().username()).isEqualTo("api-key:" + key.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentJoinsNeverFillARoomBeyondItsCap(Engine engine) throws Exception {
        try (ApplicationContext context = SignalingContext.beans(DATABASES.fresh(engine))) {
            SignalingUsers users = context.getBean(SignalingUsers.class);
            RoomAdmission admission = context.getBean(RoomAdmission.class);
            List<UUID> joiners = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                joiners.add(users.userIdOf(session("peer" + i, false)));
            }
            UUID room = openRoom(context, joiners.get(0), 3);
            ExecutorService pool = Executors.newFixedThreadPool(joiners.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Admission>> answers = new ArrayList<>();
                for (UUID joiner : joiners) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return admission.join(room, joiner);
                    }));
                }
                start.countDown();
                List<Refusal> refusals = new ArrayList<>();
                for (Future<Admission> answer : answers) {
                    refusals.add(answer.get().refusal());
                }
                assertThat(refusals).filteredOn(Objects::isNull).hasSize(3);
                assertThat(refusals).filteredOn(Objects::nonNull).hasSize(5).containsOnly(Refusal.ROOM_FULL);
            } finally {
                pool.shutdownNow();
            }
            long members = joiners.stream().filter(joiner -> admission.admit(room, joiner).admitted()).count();
            assertThat(members).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void admitsMembersOfAnOpenRoomUpToItsCapAndRefusesWithAReason(Engine engine) throws SQLException {
        TestDatabase database = DATABASES.fresh(engine);
        try (ApplicationContext context = SignalingContext.beans(database)) {
            SignalingUsers users = context.getBean(SignalingUsers.class);
            RoomAdmission admission = context.getBean(RoomAdmission.class);
            UUID alice = users.userIdOf(session("alice", false));
            UUID bob = users.userIdOf(session("bob", false));
            UUID carol = users.userIdOf(session("carol", false));
            UUID room = openRoom(context, alice, 2);

            assertThat(admission.admit(room, alice).refusal()).isEqualTo(Refusal.NOT_A_MEMBER);
            assertThat(admission.join(room, alice).admitted()).isTrue();
            assertThat(admission.join(room, alice).admitted()).as("joining again").isTrue();
            assertThat(admission.join(room, bob).admitted()).isTrue();
            assertThat(admission.join(room, carol).refusal()).isEqualTo(Refusal.ROOM_FULL);
            assertThat(admission.admit(room, bob).admitted()).isTrue();
            assertThat(admission.admit(UUID.randomUUID(), bob).refusal()).isEqualTo(Refusal.ROOM_NOT_FOUND);

            assertThat(admission.leave(room, bob)).isTrue();
            assertThat(admission.leave(room, bob)).isFalse();
            assertThat(admission.join(room, carol).admitted()).isTrue();

            ban(database, room, bob, "spam", Instant.now().plus(1, ChronoUnit.HOURS));
            Admission banned = admission.join(room, bob);
            assertThat(banned.refusal()).isEqualTo(Refusal.BANNED);
            assertThat(banned.message()).contains("spam");
            ban(database, room, bob, "old", Instant.now().minus(1, ChronoUnit.MINUTES));
            assertThat(admission.admit(room, bob).refusal()).as("an expired ban is ignored").isEqualTo(Refusal.NOT_A_MEMBER);

            context.getBean(RoomRepository.class).close(room, Instant.now());
            assertThat(admission.admit(room, alice).refusal()).isEqualTo(Refusal.ROOM_CLOSED);
            assertThat(admission.join(room, bob).refusal()).isEqualTo(Refusal.ROOM_CLOSED);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void verifiesALiveKeyOnlyAndNeverAfterItIsRevoked(Engine engine) {
        try (ApplicationContext context = SignalingContext.beans(DATABASES.fresh(engine))) {
            ApiKeyService keys = context.getBean(ApiKeyService.class);
            ApiKeyVerifier verifier = context.getBean(ApiKeyVerifier.class);
            ApiKeyViews.Created created = keys.create(new ApiKeyRequests("media-server", List.of("relay")));

            ApiKeyIdentity identity = verifier.verify(created.key()).orElseThrow();
            assertThat(identity.id().toString()).isEqualTo(created.id());
            assertThat(identity.name()).isEqualTo("media-server");
            assertThat(identity.scopes()).containsExactly("relay");
            String wrongSecret = created.key().substring(0, created.key().length() - 2) + "xx";
            assertThat(verifier.verify(wrongSecret)).isEmpty();
            assertThat(verifier.verify("not-a-key")).isEmpty();
            assertThat(verifier.verify(null)).isEmpty();

            keys.revoke(identity.id());
            assertThat(verifier.verify(created.key())).isEmpty();
        }
    }

    static SignedSession session(String name, boolean admin) {
        return new SignedSession(UUID.randomUUID().toString(), name, name + "-device", Instant.now().plus(1, ChronoUnit.DAYS), admin);
    }

    private static UUID openRoom(ApplicationContext context, UUID creator, Integer cap) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Room room = new Room(UUID.randomUUID(), "room-" + UUID.randomUUID(), false, cap, creator, now, now, null);
        return context.getBean(RoomRepository.class).save(room).id();
    }

    /** A ban row as the moderation API writes it (SQL literals, cast by PostgreSQL itself). */
    private static void ban(TestDatabase database, UUID room, UUID user, String reason, Instant expiresAt) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM banned_users WHERE room_id = '" + room + "' AND user_id = '" + user + "'");
            statement.executeUpdate("INSERT INTO banned_users (id, room_id, user_id, reason, expires_at) VALUES ('"
                    + UUID.randomUUID() + "', '" + room + "', '" + user + "', '" + reason + "', '" + expiresAt.truncatedTo(ChronoUnit.MILLIS) + "')");
        }
    }
}
