package dev.huddle.authhmac;

import com.zaxxer.hikari.HikariDataSource;
import dev.huddle.authhmac.AuthServer.Answer;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.client.SignedHeaders;
import dev.huddle.authhmac.signing.SignatureHeaders;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.huddle.authhmac.AuthServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Every /api request but session creation must be signed; one test per way a request is refused, on both engines. */
class SignedRequestsIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    private static final String CURRENT = "/api/sessions/current";
    private static final byte[] NO_BODY = new byte[0];

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCorrectlySignedRequestReachesTheControllerWithItsSession(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("Ada's laptop", "device-1");

            Answer answer = server.signed(session, "GET", CURRENT, NO_BODY);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).containsEntry("id", session.id()).containsEntry("name", "Ada's laptop")
                    .containsEntry("deviceId", "device-1").doesNotContainKey("secret");
        }
    }

    /** The nonce ledger must not hold the only connection a small pool has: the request behind it needs one too. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void signedRequestsAreServedWithAOneConnectionPool(Engine engine) {
        Map<String, Object> settings = Map.of("huddle.auth.server-key", AuthServer.SERVER_KEY, "datasources.default.maximum-pool-size", 1,
                "datasources.default.connection-timeout", 3_000);
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine), settings)) {
            // The nonce ledger reads the pool's size from Hikari's data source behind Micronaut's wrapper.
            assertThat(DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class))).isInstanceOf(HikariDataSource.class);
            Session session = server.createSession("Ada's laptop", "device-1");

            for (int i = 0; i < 3; i++) {
                assertThat(server.signed(session, "GET", CURRENT, NO_BODY).status()).isEqualTo(200);
                // Writes a session row: it needs the pool's connection after the ledger has used it.
                server.createSession("phone " + i, "device-" + (i + 2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theBodyASignedRequestCarriesStillReachesTheController(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");

            Answer answer = server.signed(session, "POST", "/api/test-echo?x=1", utf8("{\"title\":\"Standup\"}"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).containsEntry("title", "Standup");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachMissingHeaderIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");
            for (String header : new String[] {SignatureHeaders.SESSION, SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE,
                    SignatureHeaders.SIGNATURE}) {
                Map<String, String> headers = new HashMap<>(session.signer().sign("GET", CURRENT, NO_BODY).asMap());
                headers.remove(header);

                Answer answer = server.send("GET", CURRENT, NO_BODY, headers);

                assertThat(answer.status()).as(header).isEqualTo(401);
                assertThat(answer.reason()).as(header).isEqualTo("missing_header");
                assertThat((String) answer.body().get("message")).contains(header);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNonceShorterThan16OrLongerThan64CharactersIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");
            long now = Instant.now().getEpochSecond();
            for (String nonce : new String[] {"a".repeat(15), "b".repeat(65)}) {
                SignedHeaders headers = session.signer().sign("GET", CURRENT, NO_BODY, now, nonce);

                Answer answer = server.send("GET", CURRENT, NO_BODY, headers.asMap());

                assertThat(answer.reason()).isEqualTo("missing_header");
                assertThat((String) answer.body().get("message")).contains("16 to 64 characters");
            }
            assertThat(server.send("GET", CURRENT, NO_BODY, session.signer().sign("GET", CURRENT, NO_BODY, now,
                    "c".repeat(16)).asMap()).status()).isEqualTo(200);
            assertThat(server.send("GET", CURRENT, NO_BODY, session.signer().sign("GET", CURRENT, NO_BODY, now,
                    "d".repeat(64)).asMap()).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnknownSessionIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session made = server.createSession("laptop", "device-1");
            Session unknown = new Session(UUID.randomUUID().toString(), made.secret());

            Answer answer = server.signed(unknown, "GET", CURRENT, NO_BODY);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.reason()).isEqualTo("unknown_session");
            assertThat(server.signed(new Session("not-a-uuid", made.secret()), "GET", CURRENT, NO_BODY).reason())
                    .isEqualTo("unknown_session");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExpiredSessionIsRefused(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            Session session = server.createSession("laptop", "device-1");
            // Signed once first, so that the server holds the session's credentials when the row changes.
            assertThat(server.signed(session, "GET", CURRENT, NO_BODY).status()).isEqualTo(200);
            expire(db, session);

            Answer answer = server.signed(session, "GET", CURRENT, NO_BODY);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.reason()).isEqualTo("expired_session");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSessionDeletedBehindTheServersBackIsUnknownAtItsNextRequest(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            Session session = server.createSession("laptop", "device-1");
            assertThat(server.signed(session, "GET", CURRENT, NO_BODY).status()).isEqualTo(200);
            changeRow(db, session, "delete from client_sessions where id = " + (engine == Engine.POSTGRESQL ? "?::uuid" : "?"));

            Answer answer = server.signed(session, "GET", CURRENT, NO_BODY);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.reason()).isEqualTo("unknown_session");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequestReplayedToAnotherInstanceIsRefused(Engine engine) {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer first = AuthServer.start(db); AuthServer second = AuthServer.start(db)) {
            Session session = first.createSession("laptop", "device-1");
            // The second instance knows the session already: its cache cannot vouch for the nonce.
            assertThat(second.signed(session, "GET", CURRENT, NO_BODY).status()).isEqualTo(200);
            Map<String, String> headers = session.signer().sign("GET", CURRENT, NO_BODY).asMap();

            Answer original = first.send("GET", CURRENT, NO_BODY, headers);
            Answer replay = second.send("GET", CURRENT, NO_BODY, headers);

            assertThat(original.status()).isEqualTo(200);
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.reason()).isEqualTo("replayed_nonce");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTimestampOutsideTheWindowEitherWayIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");
            long now = Instant.now().getEpochSecond();
            for (long timestamp : new long[] {now - 400, now + 400}) {
                SignedHeaders headers = session.signer().sign("GET", CURRENT, NO_BODY, timestamp, newNonce());

                Answer answer = server.send("GET", CURRENT, NO_BODY, headers.asMap());

                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.reason()).isEqualTo("stale_timestamp");
            }
            Map<String, String> notANumber = new HashMap<>(session.signer().sign("GET", CURRENT, NO_BODY).asMap());
            notANumber.put(SignatureHeaders.TIMESTAMP, "yesterday");
            assertThat(server.send("GET", CURRENT, NO_BODY, notANumber).reason()).isEqualTo("missing_header");
            // Inside the window, however far: the default allows 300 s of clock difference.
            assertThat(server.send("GET", CURRENT, NO_BODY, session.signer().sign("GET", CURRENT, NO_BODY, now - 250,
                    newNonce()).asMap()).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReplayedRequestIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");
            Map<String, String> headers = session.signer().sign("GET", CURRENT, NO_BODY).asMap();

            Answer first = server.send("GET", CURRENT, NO_BODY, headers);
            Answer replay = server.send("GET", CURRENT, NO_BODY, headers);

            assertThat(first.status()).isEqualTo(200);
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.reason()).isEqualTo("replayed_nonce");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequestSignedWithAnotherSessionsSecretIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session mine = server.createSession("laptop", "device-1");
            Session theirs = server.createSession("phone", "device-2");

            Answer answer = server.signed(new Session(mine.id(), theirs.secret()), "GET", CURRENT, NO_BODY);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.reason()).isEqualTo("bad_signature");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aChangedBodyPathOrMethodBreaksTheSignature(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");
            byte[] body = utf8("{\"a\":1}");
            SignedHeaders signed = session.signer().sign("POST", "/api/anything?x=1", body);

            assertThat(server.send("POST", "/api/anything?x=1", utf8("{\"a\":2}"), signed.asMap()).reason())
                    .isEqualTo("bad_signature");
            assertThat(server.send("POST", "/api/anything?x=2", body, signed.asMap()).reason()).isEqualTo("bad_signature");
            assertThat(server.send("PUT", "/api/anything?x=1", body, signed.asMap()).reason()).isEqualTo("bad_signature");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSignedRequestToAPathWithNoRouteGetsThroughTheFilterAndA404(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");

            assertThat(server.signed(session, "POST", "/api/nothing-here", utf8("{}")).status()).isEqualTo(404);
            assertThat(server.send("POST", "/api/nothing-here", utf8("{}"), Map.of()).status()).isEqualTo(401);
        }
    }

    private static String newNonce() {
        return dev.huddle.authhmac.client.RequestSigner.newNonce();
    }

    private static void expire(TestDatabase db, Session session) throws SQLException {
        changeRow(db, session, db.engine() == Engine.POSTGRESQL
                ? "update client_sessions set expires_at = now() - interval '1 minute' where id = ?::uuid"
                : "update client_sessions set expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 minute') where id = ?");
    }

    /** Changes the session's row behind the server's back, as another instance would. */
    private static void changeRow(TestDatabase db, Session session, String sql) throws SQLException {
        try (Connection connection = db.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, session.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
