package dev.huddle.eventssync.sync;

import dev.huddle.eventssync.store.EventsDialect;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The only writer of {@code sync_metadata}: a row per run. A row with status 'running' is the run's lease.
 *
 * <p>Why a row and not a lock: the guard must hold across app instances on both engines. PostgreSQL's advisory locks
 * belong to a session (a pooled connection held for the whole run) and SQLite has none; a row works on both. The
 * schema lets only one 'running' row exist per sync (a partial unique index), so of two instances starting at once
 * the database admits one insert and refuses the other. A run renews its row's heartbeat after every Airtable page;
 * an instance that dies leaves a row whose heartbeat stops, and the next start marks it failed once it is older than
 * the lease timeout. A run that lost its lease that way finds out when it writes, because it writes its data in the
 * transaction that finishes its own still-'running' row, and rolls back.
 */
@Singleton
public class SyncRunLedger {
    private static final String COLUMNS = "id, sync_name, status, started_at, finished_at, records_synced, created_count, "
            + "updated_count, removed_count, skipped_count, error_message";
    // Keeps one bad import from filling the row with thousands of lines; the count says how many there were.
    private static final int MAX_ERROR_LINES = 100;

    private final DataSource dataSource;

    public SyncRunLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a new running run, after failing an abandoned one; refuses while another run of the sync is alive. */
    UUID start(String syncName, Instant now, Duration leaseTimeout) {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            EventsDialect dialect = EventsDialect.of(connection);
            failAbandoned(connection, dialect, syncName, now, leaseTimeout);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_metadata "
                    + "(id, sync_name, status, started_at, heartbeat_at) VALUES (?, ?, " + dialect.enumParameter("sync_status") + ", ?, ?)")) {
                dialect.setUuid(insert, 1, id);
                insert.setString(2, syncName);
                insert.setString(3, "running");
                dialect.setInstant(insert, 4, now);
                dialect.setInstant(insert, 5, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new SyncAlreadyRunningException(alreadyRunning(connection, dialect, syncName, leaseTimeout));
                }
                throw e;
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the start of sync '" + syncName + "' in sync_metadata: " + e.getMessage(), e);
        }
    }

    /** Renews the run's lease; throws when another instance has taken it over meanwhile. */
    void heartbeat(UUID run, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            holdLease(connection, EventsDialect.of(connection), run, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew sync run " + run + " in sync_metadata: " + e.getMessage(), e);
        }
    }

    /** Renews the lease inside the caller's transaction, which (on PostgreSQL) also locks the row until it ends. */
    void holdLease(Connection connection, EventsDialect dialect, UUID run, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sync_metadata SET heartbeat_at = ? WHERE id = ? AND status = 'running'")) {
            dialect.setInstant(update, 1, now);
            dialect.setUuid(update, 2, run);
            if (update.executeUpdate() == 0) {
                throw new SyncLeaseLostException("Sync run " + run + " is no longer 'running' in sync_metadata: another instance "
                        + "took it over after its heartbeat stopped for longer than huddle.events-sync.lease-timeout. "
                        + "It stops without writing; raise the lease timeout if runs are this slow.");
            }
        }
    }

    /** Ends the run as succeeded, in the transaction that wrote its data. */
    void succeed(Connection connection, EventsDialect dialect, UUID run, Instant now, int recordsRead, SyncCounts counts,
                 List<SkippedRecord> skipped) throws SQLException {
        List<String> reasons = skipped.stream().map(SkippedRecord::toString).toList();
        end(connection, dialect, run, "succeeded", now, recordsRead, counts, skipped.size(), reasons);
    }

    /** Ends the run as failed, on its own connection: whatever the run wrote has been rolled back. */
    void fail(UUID run, Instant now, String problem) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            end(connection, EventsDialect.of(connection), run, "failed", now, 0, new SyncCounts(0, 0, 0), 0, List.of(problem));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the failure of sync run " + run + " (" + problem + ") in sync_metadata: "
                    + e.getMessage(), e);
        }
    }

    /** The sync's latest runs, newest first. */
    public List<SyncRun> recent(String syncName, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sync_metadata WHERE sync_name = ? "
                     + "ORDER BY started_at DESC, id DESC LIMIT ?")) {
            EventsDialect dialect = EventsDialect.of(connection);
            select.setString(1, syncName);
            select.setInt(2, limit);
            List<SyncRun> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    runs.add(runOf(row, dialect));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the sync runs from sync_metadata: " + e.getMessage(), e);
        }
    }

    /** One run by id. */
    public SyncRun get(UUID run) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sync_metadata WHERE id = ?")) {
            EventsDialect dialect = EventsDialect.of(connection);
            dialect.setUuid(select, 1, run);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Sync run " + run + " is not in sync_metadata.");
                }
                return runOf(row, dialect);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read sync run " + run + " from sync_metadata: " + e.getMessage(), e);
        }
    }

    private static void end(Connection connection, EventsDialect dialect, UUID run, String status, Instant now, int recordsRead,
                            SyncCounts counts, int skipped, List<String> errors) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_metadata SET status = "
                + dialect.enumParameter("sync_status") + ", finished_at = ?, heartbeat_at = ?, records_synced = ?, "
                + "created_count = ?, updated_count = ?, removed_count = ?, skipped_count = ?, error_message = ? "
                + "WHERE id = ? AND status = 'running'")) {
            update.setString(1, status);
            dialect.setInstant(update, 2, now);
            dialect.setInstant(update, 3, now);
            update.setInt(4, recordsRead);
            update.setInt(5, counts.created());
            update.setInt(6, counts.updated());
            update.setInt(7, counts.removed());
            update.setInt(8, skipped);
            update.setString(9, errorText(errors));
            dialect.setUuid(update, 10, run);
            if (update.executeUpdate() == 0) {
                throw new SyncLeaseLostException("Sync run " + run + " was taken over by another instance before it could end as "
                        + status + "; raise huddle.events-sync.lease-timeout if runs are this slow.");
            }
        }
    }

    private static void failAbandoned(Connection connection, EventsDialect dialect, String syncName, Instant now,
                                      Duration leaseTimeout) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_metadata SET status = 'failed', finished_at = ?, "
                + "error_message = ? WHERE sync_name = ? AND status = 'running' AND heartbeat_at < ?")) {
            dialect.setInstant(update, 1, now);
            update.setString(2, "abandoned: its heartbeat stopped for longer than the lease timeout (" + leaseTimeout
                    + "), so its instance stopped or lost the database; the next run took over");
            update.setString(3, syncName);
            dialect.setInstant(update, 4, now.minus(leaseTimeout));
            update.executeUpdate();
        }
    }

    private static String alreadyRunning(Connection connection, EventsDialect dialect, String syncName, Duration leaseTimeout)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, started_at, heartbeat_at FROM sync_metadata WHERE sync_name = ? AND status = 'running'")) {
            select.setString(1, syncName);
            try (ResultSet row = select.executeQuery()) {
                String holder = row.next() ? "run " + dialect.getUuid(row, "id") + ", started " + dialect.getInstant(row, "started_at")
                        + ", last heartbeat " + dialect.getInstant(row, "heartbeat_at") : "a run that has just ended";
                return "Sync '" + syncName + "' is already running (" + holder + "). Wait for it to end; if its instance died, "
                        + "the next start takes over once its heartbeat is older than huddle.events-sync.lease-timeout ("
                        + leaseTimeout + ").";
            }
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // PostgreSQL: SQLSTATE 23505. sqlite-jdbc: primary code 19 (SQLITE_CONSTRAINT); an insert of a fresh uuid with
        // valid values can break no constraint but the one-running-row index.
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 19;
    }

    private static String errorText(List<String> errors) {
        if (errors.isEmpty()) {
            return null;
        }
        List<String> shown = errors.size() <= MAX_ERROR_LINES ? errors : errors.subList(0, MAX_ERROR_LINES);
        String text = String.join("\n", shown);
        return errors.size() <= MAX_ERROR_LINES ? text : text + "\n... and " + (errors.size() - MAX_ERROR_LINES) + " more";
    }

    private static SyncRun runOf(ResultSet row, EventsDialect dialect) throws SQLException {
        return new SyncRun(dialect.getUuid(row, "id"), row.getString("sync_name"), row.getString("status"),
                dialect.getInstant(row, "started_at"), dialect.getInstant(row, "finished_at"), row.getInt("records_synced"),
                row.getInt("created_count"), row.getInt("updated_count"), row.getInt("removed_count"),
                row.getInt("skipped_count"), row.getString("error_message"));
    }
}
