package dev.huddle.migration.status;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.ExcludedScript;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every migration of the selected modules in one database, in version order, with the in-memory tables. */
public record StatusReport(Dialect dialect, String database, List<MigrationStatus> migrations, List<InMemoryTable> inMemoryTables) {

    /** Joins the plan (what the modules ship) with the history (what the database has applied). */
    public static StatusReport of(MigrationPlan plan, List<AppliedMigration> history, String database) {
        Map<String, ResolvedScript> resolved = new HashMap<>();
        plan.migrations().forEach(script -> resolved.put(script.version(), script));

        List<MigrationStatus> lines = new ArrayList<>();
        Map<String, AppliedMigration> latestRowByVersion = new HashMap<>();
        String newestApplied = null;
        for (AppliedMigration row : history) {
            if (!plan.includesModule(row.module()) && resolved.get(row.version()) == null) {
                continue;
            }
            latestRowByVersion.put(row.version(), row);
            MigrationState state;
            if (!row.success()) {
                state = MigrationState.FAILED;
            } else if (!resolved.containsKey(row.version())) {
                state = MigrationState.MISSING;
            } else if (newestApplied != null && row.version().compareTo(newestApplied) < 0) {
                state = MigrationState.OUT_OF_ORDER;
            } else {
                state = MigrationState.APPLIED;
            }
            if (row.success() && (newestApplied == null || row.version().compareTo(newestApplied) > 0)) {
                newestApplied = row.version();
            }
            ResolvedScript script = resolved.get(row.version());
            lines.add(new MigrationStatus(row.module(), row.version(), row.description(), row.script(), state,
                    row.installedOn(), row.executionTimeMillis(), script == null ? null : script.reversible(),
                    state == MigrationState.OUT_OF_ORDER ? allowance(script) : null));
        }
        for (ResolvedScript script : plan.migrations()) {
            if (!latestRowByVersion.containsKey(script.version())) {
                lines.add(new MigrationStatus(script.module(), script.version(), script.readableDescription(),
                        script.script(), MigrationState.PENDING, null, null, script.reversible(), allowance(script)));
            }
        }
        for (ExcludedScript excluded : plan.excluded()) {
            lines.add(new MigrationStatus(excluded.module(), excluded.version(), excluded.description(), excluded.module() + "/" + excluded.fileName(),
                    MigrationState.EXCLUDED, null, null, null, excluded.reason()));
        }
        lines.sort(Comparator.comparing(MigrationStatus::version, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MigrationStatus::module));
        return new StatusReport(plan.dialect(), database, lines, plan.inMemoryTables());
    }

    /**
     * The recorded reason a migration may run out of order, shown with it where it explains its state: pending, or
     * applied out of order. Reading it means reading the script, which status spares the rows applied in order.
     */
    private static String allowance(ResolvedScript script) {
        String reason = script == null ? null : script.directives().get(ScriptDirectives.OUT_OF_ORDER);
        return reason == null || reason.isBlank() ? null : "allowed out of order: " + reason;
    }

    public long count(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }

    /** Applied in any successful way, in or out of order. */
    public long appliedCount() {
        return count(MigrationState.APPLIED) + count(MigrationState.OUT_OF_ORDER);
    }

    public List<MigrationStatus> inState(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }
}
