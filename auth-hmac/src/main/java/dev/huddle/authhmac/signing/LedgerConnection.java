package dev.huddle.authhmac.signing;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The nonce ledger's connection, kept borrowed from the pool between batches so that its prepared statements are
 * reused: SQLite compiles a statement's text again on every {@code prepareStatement}, and on PostgreSQL a statement
 * prepared and closed per batch cost the driver twice the CPU of one kept (bench/RESULTS.md, Z-sig). Borrowing per
 * batch also cost the pool's hand-out and its reset of the connection on return.
 *
 * <p>Only the thread writing a batch uses it (the ledger lets one batch be written at a time), so it needs no lock of
 * its own. After a failure it is given back and the next batch borrows a fresh one, so a broken connection or a
 * statement prepared against a changed schema is never used twice; it is also given back once it is
 * {@link #RETIRE_AFTER_NANOS} old, so that the pool can still replace its connections as it is configured to.
 *
 * <p>Kept only where measured to pay, on SQLite, and only from a pool of at least
 * {@link #SMALLEST_POOL_TO_KEEP_FROM} connections. On PostgreSQL the driver's CPU per batch halved in isolation, but the
 * API benchmark under load did not show the request getting cheaper (bench/RESULTS.md, Z-sig), so there it is given
 * back after every batch, as before, until a quiet machine decides.
 */
final class LedgerConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerConnection.class);
    /** How long one connection stays borrowed: short next to the pool's default lifetime of a connection (30 min). */
    static final long RETIRE_AFTER_NANOS = 60_000_000_000L;
    /**
     * The smallest pool the ledger keeps a connection of: the requests it signs need connections too, and with a pool
     * of one or two a kept connection left them waiting for the pool's timeout.
     */
    static final int SMALLEST_POOL_TO_KEEP_FROM = 4;

    private final DataSource pool;
    private final boolean keptBetweenBatches;
    private Connection connection;
    private long borrowedAt;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    LedgerConnection(DataSource pool, boolean keptBetweenBatches) {
        this.pool = pool;
        this.keptBetweenBatches = keptBetweenBatches && leavesRoomForRequests(pool);
    }

    /** Whether the pool is one whose size is known and large enough that keeping one connection leaves the requests theirs. */
    static boolean leavesRoomForRequests(DataSource pool) {
        return pool instanceof HikariDataSource hikari && hikari.getMaximumPoolSize() >= SMALLEST_POOL_TO_KEEP_FROM;
    }

    /** The statement for the text on the held connection, prepared when first asked for; borrows one if none is held. */
    PreparedStatement statement(String sql) throws SQLException {
        if (connection == null) {
            connection = pool.getConnection();
            borrowedAt = System.nanoTime();
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** After a batch was written: gives the connection back unless it is kept and young enough. */
    void written() {
        if (connection != null && (!keptBetweenBatches || System.nanoTime() - borrowedAt > RETIRE_AFTER_NANOS)) {
            close();
        }
    }

    /** Gives the connection back to the pool, closing its statements; the next {@link #statement} borrows a new one. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            LOG.debug("The nonce ledger's connection did not close cleanly", e);
        } finally {
            connection = null;
            statements.clear();
        }
    }
}
