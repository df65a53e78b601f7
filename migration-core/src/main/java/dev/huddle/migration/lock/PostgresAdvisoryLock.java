package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseUnreachableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session-level advisory lock on a connection of its own, held for the whole command. PostgreSQL releases it when
 * the connection ends, so a runner killed mid-migration never leaves it behind. Its key differs from the one Flyway
 * takes inside {@code migrate}, so the two never wait on each other.
 */
public final class PostgresAdvisoryLock implements MigrationLock {
    /** "huddle" in ASCII: a fixed key every Huddle process agrees on. */
    static final long KEY = 0x687564646c65L;
    private static final long POLL_MILLIS = 100;

    private final DataSource dataSource;
    private final String database;

    public PostgresAdvisoryLock(DataSource dataSource, String database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    @Override
    public Held acquire(Duration timeout) {
        Connection connection = open();
        try {
            try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
                name.setString(1, LockOwner.describe());
                name.execute();
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!tryLock(connection)) {
                if (System.nanoTime() >= deadline) {
                    String holder = holder(connection);
                    connection.close();
                    throw new MigrationLockTimeoutException(database, timeout, holder);
                }
                Thread.sleep(POLL_MILLIS);
            }
            return () -> release(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnreachableException("Cannot take the migration lock on " + database + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            throw new IllegalStateException("Interrupted while waiting for the migration lock on " + database, e);
        }
    }

    private Connection open() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot connect to " + database + " to take the migration lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** The holder's application name and address, from the server's own view of its sessions. */
    private static String holder(Connection connection) {
        String sql = "select a.application_name, coalesce(host(a.client_addr), 'local'), a.pid from pg_locks l "
                + "join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted "
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

    private static void release(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException ignored) {
            // Closing the session below releases it anyway.
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to release: the server drops the session's locks with it.
        }
    }
}
