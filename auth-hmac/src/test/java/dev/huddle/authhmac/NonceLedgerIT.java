package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.signing.NonceLedger;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.Queries;
import dev.huddle.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nonce ledger's group commit on both engines: concurrent requests share batches, yet each gets its own row's
 * verdict; the same nonce twice in one batch is recorded once; a failing batch fails every request in it and leaves
 * the ledger writing again.
 */
class NonceLedgerIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    private static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ofManyRequestsClaimingEachNonceTwiceExactlyOneOfEachIsRecorded(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            UUID session = UUID.fromString(server.createSession("laptop", "device-1").id());
            NonceLedger ledger = server.context().getBean(NonceLedger.class);
            Instant now = now();
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < 200; i++) {
                    String nonce = "concurrent-nonce-" + i;
                    claims.add(claim(ledger, session, false, nonce, now));
                }
            }

            List<Boolean> verdicts = runAtOnce(claims);

            Map<String, Integer> recordedPerNonce = new HashMap<>();
            for (int i = 0; i < claims.size(); i++) {
                recordedPerNonce.merge("concurrent-nonce-" + (i % 200), verdicts.get(i) ? 1 : 0, Integer::sum);
            }
            assertThat(recordedPerNonce).hasSize(200).allSatisfy((nonce, recorded) -> assertThat(recorded).isEqualTo(1));
            assertThat(nonces(db)).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSameNonceTwiceInOneBatchIsRecordedOnce(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            UUID session = UUID.fromString(server.createSession("laptop", "device-1").id());
            NonceLedger ledger = server.context().getBean(NonceLedger.class);
            Instant now = now();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
            try (Connection blocker = db.connect(); Statement lock = blocker.createStatement()) {
                // The first batch waits for the blocker's lock on nonce_cache, so the claims below queue behind it
                // and go into the next batch together.
                blocker.setAutoCommit(false);
                lock.execute(engine == Engine.POSTGRESQL ? "LOCK TABLE nonce_cache IN EXCLUSIVE MODE"
                        : "INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at) "
                        + "VALUES ('" + session + "', 'the-blockers-nonce-1', '2000-01-01', '2000-01-01')");
                Future<Boolean> first = threads.submit(claim(ledger, session, false, "the-first-batch-nonce", now));
                awaitCondition(() -> ledger.writingBatch() && ledger.waitingClaims() == 0);
                List<Future<Boolean>> queued = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    String nonce = "batched-nonce-" + (i % (THREADS / 2));
                    queued.add(threads.submit(claim(ledger, session, false, nonce, now)));
                }
                awaitCondition(() -> ledger.waitingClaims() == THREADS);
                blocker.rollback();

                assertThat(first.get()).isTrue();
                assertThat(recorded(queued)).isEqualTo(THREADS / 2);
                assertThat(nonces(db)).isEqualTo(1 + THREADS / 2);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachClaimInABatchIsDecidedByItsOwnSessionsRow(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            UUID live = UUID.fromString(server.createSession("laptop", "device-1").id());
            UUID admin = UUID.fromString(server.createAdminSession().id());
            UUID unknown = UUID.randomUUID();
            NonceLedger ledger = server.context().getBean(NonceLedger.class);
            Instant now = now();
            List<Callable<Boolean>> claims = new ArrayList<>();
            List<Boolean> expected = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String nonce = "mixed-batch-nonce-" + i;
                claims.add(switch (i % 4) {
                    case 0 -> claim(ledger, live, false, nonce, now);
                    case 1 -> claim(ledger, admin, true, nonce, now);
                    // The cached admin flag is out of date: the row says otherwise.
                    case 2 -> claim(ledger, live, true, nonce, now);
                    default -> claim(ledger, unknown, false, nonce, now);
                });
                expected.add(i % 4 < 2);
            }

            assertThat(runAtOnce(claims)).isEqualTo(expected);
            assertThat(nonces(db)).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingBatchFailsEveryRequestInItAndTheLedgerWritesAgainAfterwards(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            Session session = server.createSession("laptop", "device-1");
            UUID id = UUID.fromString(session.id());
            NonceLedger ledger = server.context().getBean(NonceLedger.class);
            Instant now = now();
            execute(db, "ALTER TABLE nonce_cache RENAME TO nonce_cache_away");
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String nonce = "failing-batch-nonce-" + i;
                claims.add(claim(ledger, id, false, nonce, now));
            }
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            int failed = 0;
            try {
                for (Future<Boolean> verdict : threads.invokeAll(claims)) {
                    try {
                        verdict.get();
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                                .hasMessageContaining("Could not record a request's nonce");
                        failed++;
                    }
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(failed).isEqualTo(claims.size());
            AuthServer.Answer refused = server.signed(session, "GET", "/api/sessions/current", new byte[0]);
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.body().toString()).doesNotContain(session.secret());

            execute(db, "ALTER TABLE nonce_cache_away RENAME TO nonce_cache");

            assertThat(server.signed(session, "GET", "/api/sessions/current", new byte[0]).status()).isEqualTo(200);
            assertThat(claim(ledger, id, false, "after-the-failure-1", now).call()).isTrue();
        }
    }

    /** PostgreSQL gets the times as microseconds since the epoch: the row must hold exactly the instants given. */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "POSTGRESQL")
    void aRecordedNonceKeepsItsTimesToTheMicrosecond(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            UUID session = UUID.fromString(server.createSession("laptop", "device-1").id());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Instant expiresAt = now.plusSeconds(300).plusNanos(1_000);

            assertThat(server.context().getBean(NonceLedger.class).recordForLiveSession(session, false,
                    "a-nonce-with-times-1", now, expiresAt)).isTrue();

            try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT created_at, expires_at FROM nonce_cache")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(now);
                assertThat(row.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(expiresAt);
            }
        }
    }

    /** One request's claim of the nonce for the session, as the verifier makes it, valid for 300 s from now. */
    private static Callable<Boolean> claim(NonceLedger ledger, UUID session, boolean admin, String nonce, Instant now) {
        return () -> ledger.recordForLiveSession(session, admin, nonce, now, now.plusSeconds(300));
    }

    /** How many of the claims were recorded (true); any that failed fails the test. */
    private static int recorded(List<Future<Boolean>> verdicts) throws Exception {
        int recorded = 0;
        for (Future<Boolean> verdict : verdicts) {
            recorded += verdict.get() ? 1 : 0;
        }
        return recorded;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs the claims on {@link #THREADS} threads at once and returns their verdicts in order. */
    private static List<Boolean> runAtOnce(List<Callable<Boolean>> claims) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Boolean> verdicts = new ArrayList<>();
            for (Future<Boolean> verdict : threads.invokeAll(claims)) {
                verdicts.add(verdict.get());
            }
            return verdicts;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Polls the ledger's state; bounded by count, not time, so that a broken ledger fails instead of hanging. */
    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        for (int attempt = 0; attempt < 6_000 && !condition.getAsBoolean(); attempt++) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long nonces(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            return Queries.count(statement, "SELECT count(*) FROM nonce_cache");
        }
    }
}
