package dev.huddle.authhmac.signing;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Uses up a nonce in {@code nonce_cache}, the one write every signed request makes, so it is written for speed: plain
 * JDBC on a pooled connection in auto-commit, one statement, one round trip. The table's primary key (session, nonce)
 * is the replay check: the insert adds the row or, when the nonce was seen, nothing; atomic on both engines, with no
 * read before it for a concurrent replay to slip between, and held in the database, so across every app instance that
 * shares it. The same statement confirms the session row still exists, is unexpired and has the admin flag the
 * caller's cached credentials say ({@link SessionCredentialsCache}).
 *
 * <p>On PostgreSQL the statement's own transaction commits without waiting for its WAL flush
 * ({@code synchronous_commit} off for that transaction only; the app's other writes keep the server's setting): the
 * flush is most of a nonce's cost. What this gives up: if the PostgreSQL server itself crashes, the nonces of its last
 * moments (at most three {@code wal_writer_delay}s, 0.6 s by default) may be lost, and a request captured in that
 * instant could be replayed once within its signature window.
 */
@Singleton
public class NonceLedger {
    private static final String INSERT = "INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at) "
            + "SELECT s.id, ?, ?, ? FROM client_sessions s";
    // SQLite needs the WHERE clause to read ON CONFLICT as the upsert clause, not as a join constraint.
    private static final String LIVE_SESSION = " WHERE s.id = ? AND s.expires_at > ? AND s.is_admin = ? ON CONFLICT DO NOTHING";
    private static final String NO_FLUSH_WAIT = ", (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait";

    private final DataSource pool;
    private final Dialect dialect;
    private final String record;

    public NonceLedger(DataSource dataSource, DatabaseTarget target) {
        // The pool itself: the contextual wrapper would look for a transaction, and this write is its own.
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.dialect = target.dialect();
        this.record = INSERT + (dialect == Dialect.POSTGRESQL ? NO_FLUSH_WAIT : "") + LIVE_SESSION;
    }

    /**
     * Records the nonce if it is new for the session and the session's row still exists, has not expired at
     * {@code now} and has the given admin flag: true when recorded; false for a replay, or a session deleted, expired
     * or changed since its credentials were cached.
     */
    public boolean recordForLiveSession(UUID sessionId, boolean admin, String nonce, Instant now, Instant expiresAt) {
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(record)) {
            Timestamp at = Timestamp.from(now);
            insert.setString(1, nonce);
            insert.setTimestamp(2, at);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            if (dialect == Dialect.POSTGRESQL) {
                insert.setObject(4, sessionId);
            } else {
                insert.setString(4, sessionId.toString());
            }
            insert.setTimestamp(5, at);
            insert.setBoolean(6, admin);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a request's nonce in nonce_cache: " + e.getMessage(), e);
        }
    }
}
