package dev.huddle.migration.execute;

import dev.huddle.migration.failure.RepairRefusedException;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.session.DatabaseSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies the repairs a person asked for, all in one transaction: accepts the current checksum of edited applied
 * migrations and removes failed rows. Refuses, changing nothing, any version that needs no such repair.
 */
public final class RepairExecutor {
    private final DatabaseSession session;

    public RepairExecutor(DatabaseSession session) {
        this.session = session;
    }

    /**
     * @return one line per repair done, for the person who asked
     * @throws RepairRefusedException when a named version needs no such repair; nothing was changed
     */
    public List<String> repair(RepairRequest request, MigrationPlan plan) {
        Connection connection = session.connection();
        Map<String, AppliedMigration> rows = new HashMap<>();
        session.readHistory().forEach(row -> rows.put(row.version(), row));
        List<String> done = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try {
                for (String version : request.acceptChecksums()) {
                    AppliedMigration row = rows.get(version);
                    ResolvedScript script = plan.find(version).orElse(null);
                    if (row == null || !row.success() || script == null || Objects.equals(row.checksum(), script.checksum())) {
                        throw new RepairRefusedException("--accept-checksum " + version + ": no applied migration with that version "
                                + "has a checksum that differs from its script.", "Run repair without options to see what needs repair.");
                    }
                    session.history().updateChecksum(connection, version, script.checksum());
                    done.add("accepted the edited " + script.historyPath() + " (checksum " + row.checksum() + " -> " + script.checksum() + ")");
                }
                for (String version : request.removeFailed()) {
                    AppliedMigration row = rows.get(version);
                    if (row == null || row.success()) {
                        throw new RepairRefusedException("--remove-failed " + version + ": the history has no failed row with that version.",
                                "Run repair without options to see what needs repair.");
                    }
                    session.history().deleteFailed(connection, version);
                    done.add("removed the failed row of " + row.script());
                }
                connection.commit();
                return done;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw session.failure("Repair failed, nothing was changed", e);
        }
    }
}
