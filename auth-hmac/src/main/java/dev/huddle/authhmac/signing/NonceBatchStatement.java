package dev.huddle.authhmac.signing;

import dev.huddle.migration.discover.Dialect;

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
 * <p>Each batch size has its own text, prepared on the ledger's connection ({@link LedgerConnection}). One text for
 * every size, five arrays unnested by the server, cost the PostgreSQL client more CPU per batch than this
 * (bench/RESULTS.md, Z-sig).
 *
 * <p>On PostgreSQL the statement's own transaction commits without waiting for its WAL flush ({@code
 * synchronous_commit} off for that transaction only): the README's "Signed requests" states the price.
 */
final class NonceBatchStatement {
    /** Rows per statement: 5 parameters each stays far below both engines' limits on bound parameters. */
    static final int MOST_CLAIMS = 128;

    private static final String COLUMNS = "c(session_id, is_admin, nonce, created_at, expires_at)";
    private static final String INSERT = " INSERT INTO nonce_cache (client_session_id, nonce, created_at, expires_at)"
            + " SELECT s.id, c.nonce, c.created_at, c.expires_at FROM c, client_sessions s";
    private static final String NO_FLUSH_WAIT = ", (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait";
    // SQLite needs the WHERE clause to read ON CONFLICT as the upsert clause, not as a join constraint.
    private static final String LIVE_SESSION = " WHERE s.id = c.session_id AND s.expires_at > c.created_at"
            + " AND s.is_admin = c.is_admin ON CONFLICT DO NOTHING RETURNING client_session_id, nonce";

    private static final String FROM_MICROS = "TIMESTAMPTZ 'epoch' + CAST(? AS bigint) * INTERVAL '1 microsecond'";

    private final Dialect dialect;
    private final String row;
    /** The statement's text per number of claims, made when first needed. */
    private final String[] texts = new String[MOST_CLAIMS + 1];

    NonceBatchStatement(Dialect dialect) {
        this.dialect = dialect;
        // PostgreSQL types a VALUES list from its parameters, which arrive untyped: say what each column is. Its
        // times go as microseconds since the epoch: the driver formats a Timestamp through a Calendar, which cost
        // more than the rest of the row together.
        this.row = dialect == Dialect.POSTGRESQL
                ? "(CAST(? AS uuid), CAST(? AS boolean), CAST(? AS text), " + FROM_MICROS + ", " + FROM_MICROS + ")"
                : "(?, ?, ?, ?, ?)";
    }

    /**
     * Writes the claims' rows in one statement on the ledger's connection and says, per claim in order, whether its row
     * was written. Batches are small (a few claims, at most {@link #MOST_CLAIMS}), so each written row is matched by a
     * scan, not a hash.
     */
    boolean[] record(LedgerConnection connection, List<NonceClaim> claims) throws SQLException {
        PreparedStatement insert = connection.statement(text(claims.size()));
        int at = 0;
        for (NonceClaim claim : claims) {
            if (dialect == Dialect.POSTGRESQL) {
                insert.setObject(++at, claim.sessionId);
                insert.setBoolean(++at, claim.admin);
                insert.setString(++at, claim.nonce);
                insert.setLong(++at, micros(claim.now));
                insert.setLong(++at, micros(claim.expiresAt));
            } else {
                insert.setString(++at, claim.sessionId.toString());
                insert.setBoolean(++at, claim.admin);
                insert.setString(++at, claim.nonce);
                insert.setTimestamp(++at, Timestamp.from(claim.now));
                insert.setTimestamp(++at, Timestamp.from(claim.expiresAt));
            }
        }
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

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private String text(int claims) {
        if (claims < 1 || claims > MOST_CLAIMS) {
            throw new IllegalArgumentException("A batch holds 1 to " + MOST_CLAIMS + " claims, not " + claims);
        }
        String text = texts[claims];
        if (text == null) {
            StringBuilder sql = new StringBuilder("WITH ").append(COLUMNS).append(" AS (VALUES ");
            for (int i = 0; i < claims; i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
            }
            sql.append(')').append(INSERT).append(dialect == Dialect.POSTGRESQL ? NO_FLUSH_WAIT : "").append(LIVE_SESSION);
            text = sql.toString();
            texts[claims] = text;
        }
        return text;
    }
}
