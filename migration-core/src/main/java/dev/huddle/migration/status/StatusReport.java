package dev.huddle.migration.status;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.ExcludedScript;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every migration of the selected modules in one database, in version order, with the in-memory tables. */
public record StatusReport(Dialect dialect, String database, List<MigrationStatus> migrations, List<InMemoryTable> inMemoryTables) {

    /** What status says of a migration recorded by {@code baseline} or {@code import}. */
    public static final String ADOPTED_NOTE = "adopted: the schema had it before the history did; never run here";

    /** Joins the plan with the history and reports every migration. */
    public static StatusReport of(MigrationPlan plan, List<AppliedMigration> history, String database) {
        return of(plan, MigrationInfos.join(plan, history), database);
    }

    /** Every migration of the join: its recorded rows, its pending scripts and the plan's excluded scripts. */
    public static StatusReport of(MigrationPlan plan, MigrationInfos infos, String database) {
        List<MigrationStatus> lines = new ArrayList<>();
        for (MigrationInfo info : infos.recorded()) {
            AppliedMigration row = info.row();
            ResolvedScript script = info.script();
            lines.add(new MigrationStatus(info.module(), row.version(), row.description(), row.script(), info.state(),
                    row.installedOn(), row.executionTimeMillis(), script == null ? null : script.reversible(),
                    info.why() == null && row.adopted() ? ADOPTED_NOTE : info.why()));
        }
        for (MigrationInfo info : infos.pending()) {
            ResolvedScript script = info.script();
            lines.add(new MigrationStatus(script.module(), script.version(), script.readableDescription(),
                    script.historyPath(), MigrationState.PENDING, null, null, script.reversible(), MigrationInfos.allowance(script)));
        }
        for (ExcludedScript excluded : plan.excluded()) {
            lines.add(new MigrationStatus(excluded.module(), excluded.version(), excluded.description(), excluded.module() + "/" + excluded.fileName(),
                    MigrationState.EXCLUDED, null, null, null, excluded.reason()));
        }
        lines.sort(Comparator.comparing(MigrationStatus::version, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MigrationStatus::module));
        return new StatusReport(plan.dialect(), database, lines, plan.inMemoryTables());
    }

    public long count(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }

    /** Every line whose state makes the history untrustworthy. */
    public long problemCount() {
        return migrations.stream().filter(m -> m.state().isProblem()).count();
    }

    /** Applied in any successful way, in or out of order. */
    public long appliedCount() {
        return count(MigrationState.APPLIED) + count(MigrationState.OUT_OF_ORDER);
    }

    public List<MigrationStatus> inState(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }
}
