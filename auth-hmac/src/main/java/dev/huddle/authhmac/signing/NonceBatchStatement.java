package dev.huddle.authhmac.signing;

import dev.huddle.migration.discover.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one statement that records a batch of nonces: each claim's row is inserted only if its session row exists, is
 * unexpired at the claim's time and has the claim's admin flag, and only if (session, nonce) is not in
 * {@code nonce_cache} yet. {@code RETURNING} names the rows written, so every claim learns its own verdict from one
 * round trip and one commit. The primary key is the replay check, in the database, so it holds across every instance
 * sharing it. Claims in one batch must be for distinct rows ({@link NonceClaim#sameRowAs}): the statement cannot say
 * which of two identical rows it kept.
 *
 * <p>On PostgreSQL the claims go as five arrays, one per column, unnested by the server: one statement text for every
 * batch size, so the ledger's one prepared statement serves them all and stays prepared on the server. SQLite gets a
 * {@code VALUES} list per batch size, each prepared once on the ledger's connection ({@link LedgerConnection}).
 *
 * <p>On PostgreSQL the statement's own transaction commits without waiting for its WAL flush ({@code
 * synchronous_commit} off for that transaction only): the README's "Signed requests" states the price.
 */
final class NonceBatchStatement {
    /** Rows per statement: on SQLite 5 parameters each stays far below its limit on bound parameters. */
    static final int MOST_CLAIMS = 128;

    private static final String INSERT = "INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at)"
            + " SELECT s.id, c.nonce, c.created_at, c.expires_at FROM c, client_sessions s";
    // SQLite needs the WHERE clause to read ON CONFLICT as the upsert clause, not as a join constraint.
    private static final String LIVE_SESSION = " WHERE s.id = c.session_id AND s.expires_at > c.created_at"
            + " AND s.is_admin = c.is_admin ON CONFLICT DO NOTHING RETURNING client_session_id, nonce";

    private static final String FROM_MICROS = "TIMESTAMPTZ 'epoch' + %s * INTERVAL '1 microsecond'";
    /**
     * PostgreSQL's statement for any number of claims. The times go as microseconds since the epoch: the driver formats
     * a Timestamp through a Calendar, which cost more than the rest of the row together.
     */
    private static final String POSTGRESQL = "WITH c AS (SELECT session_id, is_admin, nonce, "
            + FROM_MICROS.formatted("created_micros") + " AS created_at, " + FROM_MICROS.formatted("expires_micros")
            + " AS expires_at FROM unnest(CAST(? AS uuid[]), CAST(? AS boolean[]), CAST(? AS text[]),"
            + " CAST(? AS bigint[]), CAST(? AS bigint[])) AS u(session_id, is_admin, nonce, created_micros, expires_micros)) "
            + INSERT + ", (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait" + LIVE_SESSION;

    private final Dialect dialect;
    /** SQLite's statement text per number of claims, made when first needed. */
    private final String[] sqliteTexts = new String[MOST_CLAIMS + 1];

    NonceBatchStatement(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Writes the claims' rows in one statement on the ledger's connection and says, per claim in order, whether its row
     * was written. Batches are small (a few claims, at most {@link #MOST_CLAIMS}), so each written row is matched by a
     * scan, not a hash.
     */
    boolean[] record(LedgerConnection connection, List<NonceClaim> claims) throws SQLException {
        if (claims.isEmpty() || claims.size() > MOST_CLAIMS) {
            throw new IllegalArgumentException("A batch holds 1 to " + MOST_CLAIMS + " claims, not " + claims.size());
        }
        PreparedStatement insert = dialect == Dialect.POSTGRESQL
                ? bindArrays(connection.statement(POSTGRESQL), claims)
                : bindRows(connection.statement(sqliteText(claims.size())), claims);
        boolean[] written = new boolean[claims.size()];
        try (ResultSet rows = insert.executeQuery()) {
            while (rows.next()) {
                UUID sessionId = dialect == Dialect.POSTGRESQL ? rows.getObject(1, UUID.class) : UUID.fromString(rows.getString(1));
                String nonce = rows.getString(2);
                for (int i = 0; i < written.length; i++) {
                    written[i] |= claims.get(i).sameRowAs(sessionId, nonce);
                }
            }
        }
        return written;
    }

    private static PreparedStatement bindArrays(PreparedStatement insert, List<NonceClaim> claims) throws SQLException {
        int size = claims.size();
        UUID[] sessions = new UUID[size];
        boolean[] admins = new boolean[size];
        String[] nonces = new String[size];
        long[] created = new long[size];
        long[] expires = new long[size];
        for (int i = 0; i < size; i++) {
            NonceClaim claim = claims.get(i);
            sessions[i] = claim.sessionId;
            admins[i] = claim.admin;
            nonces[i] = claim.nonce;
            created[i] = micros(claim.now);
            expires[i] = micros(claim.expiresAt);
        }
        Connection connection = insert.getConnection();
        insert.setArray(1, connection.createArrayOf("uuid", sessions));
        insert.setObject(2, admins);
        insert.setArray(3, connection.createArrayOf("text", nonces));
        insert.setObject(4, created);
        insert.setObject(5, expires);
        return insert;
    }

    private static PreparedStatement bindRows(PreparedStatement insert, List<NonceClaim> claims) throws SQLException {
        int at = 0;
        for (NonceClaim claim : claims) {
            insert.setString(++at, claim.sessionId.toString());
            insert.setBoolean(++at, claim.admin);
            insert.setString(++at, claim.nonce);
            insert.setTimestamp(++at, Timestamp.from(claim.now));
            insert.setTimestamp(++at, Timestamp.from(claim.expiresAt));
        }
        return insert;
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private String sqliteText(int claims) {
        String text = sqliteTexts[claims];
        if (text == null) {
            StringBuilder sql = new StringBuilder("WITH c(session_id, is_admin, nonce, created_at, expires_at) AS (VALUES ");
            for (int i = 0; i < claims; i++) {
                sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            }
            text = sql.append(") ").append(INSERT).append(LIVE_SESSION).toString();
            sqliteTexts[claims] = text;
        }
        return text;
    }
}
