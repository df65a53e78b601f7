package dev.huddle.migration.status;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptContentRules;

import java.util.ArrayList;
import java.util.List;

/**
 * What stands between a database's history and its modules' scripts. {@code problems} make the history
 * untrustworthy (edited scripts, failed, duplicate or unknown rows, rows whose file is gone) and stop every command
 * that changes the schema. {@code outOfOrder} lists pending scripts older than the newest applied one: they stop {@code up}, not a
 * rollback. Pending migrations newer than everything applied are normal; irreversible ones are only noted.
 */
public record ValidationReport(List<String> problems, List<String> outOfOrder, int pending, List<ResolvedScript> migrations) {

    /** Joins the plan with the history and reports what stands between them. */
    public static ValidationReport of(MigrationPlan plan, List<AppliedMigration> history) {
        return of(plan, MigrationInfos.join(plan, history));
    }

    public static ValidationReport of(MigrationPlan plan, MigrationInfos infos) {
        return new ValidationReport(infos.problems(), infos.outOfOrderPending(), infos.pending().size(), plan.migrations());
    }

    /**
     * One note per irreversible migration, and per script that is empty (a no-op, from a {@code --modules-dir} history)
     * or calls a procedure ({@link ScriptContentRules#notesOf}); written only when asked for: {@code up} checks a report
     * at every start, and asking whether a migration is reversible pairs its module's down scripts.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        migrations.stream().filter(script -> !script.reversible())
                .forEach(script -> notes.add(script.historyPath() + " has no down script: rollbacks stop before it."));
        migrations.forEach(script -> notes.addAll(ScriptContentRules.notesOf(script)));
        return ScriptContentRules.withAdviceOnce(notes);
    }

    /** Nothing stops {@code up}. */
    public boolean isClean() {
        return problems.isEmpty() && outOfOrder.isEmpty();
    }

    /** Nothing stops a rollback: the history can be trusted, whatever is pending. */
    public boolean isTrustworthy() {
        return problems.isEmpty();
    }

    /** Every reason {@code up} is refused, the history's problems first. */
    public List<String> blockingUp() {
        List<String> all = new ArrayList<>(problems);
        all.addAll(outOfOrder);
        return all;
    }
}
