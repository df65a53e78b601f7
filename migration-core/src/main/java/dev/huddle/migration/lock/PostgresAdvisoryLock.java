package dev.huddle.migration.lock;

import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.MigrationLockTimeoutException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session-level advisory lock taken on the very connection that migrates. The lock and the migration's transaction
 * live and die with one server session: if that session ends (an admin, {@code idle_session_timeout}, a dropped link),
 * the lock is gone, but so is the transaction, which can then never commit. A lock on a side connection could be
 * lost while the migrating connection commits on, letting a second runner in. PostgreSQL also releases the lock when
 * the process dies, so a killed runner never leaves it behind.
 */
public final class PostgresAdvisoryLock implements MigrationLock {
    /** "huddle" in ASCII: a fixed key every Huddle process agrees on. */
    static final long KEY = 0x687564646c65L;
    private static final long POLL_MILLIS = 100;

    private final Connection connection;
    private final String database;

    /**
     * @param connection the connection the command migrates through, in autocommit mode; it stays open after release
     */
    public PostgresAdvisoryLock(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    @Override
    public Held acquire(Duration timeout) {
        try {
            String applicationName = currentApplicationName();
            setApplicationName(LockOwner.describe());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!tryLock()) {
                if (System.nanoTime() >= deadline) {
                    String holder = holder();
                    setApplicationName(applicationName);
                    throw new MigrationLockTimeoutException(database, timeout, holder);
                }
                Thread.sleep(POLL_MILLIS);
            }
            return () -> release(applicationName);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot take the migration lock on " + database + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock on " + database, e);
        }
    }

    private String currentApplicationName() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select current_setting('application_name')");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** Waiting runners see who holds the lock by this name; a pooled connection gets its own name back on release. */
    private void setApplicationName(String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('application_name', ?, false)")) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * The holder's application name and address, from the server's own view of its sessions. Advisory locks belong to
     * one database, so only this database's holder counts.
     */
    private String holder() {
        String sql = "select a.application_name, coalesce(host(a.client_addr), 'local'), a.pid from pg_locks l "
                + "join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted "
                + "and l.database = (select oid from pg_database where datname = current_database()) "
                + "and ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) + " (server pid " + result.getInt(3) + ", from " + result.getString(2) + ")" : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private void release(String applicationName) {
        try {
            if (!connection.getAutoCommit()) {
                // A failed transaction would refuse the unlock; whatever it held is not committed.
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, KEY);
                statement.execute();
            }
            setApplicationName(applicationName);
        } catch (SQLException ignored) {
            // A broken session has lost the lock with itself; the caller closes the connection next.
        }
    }
}
