package dev.huddle.migration.status;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptContentRules;
import dev.huddle.migration.plan.ScriptDirectives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What stands between a database's history and its modules' scripts. {@code problems} make the history
 * untrustworthy (edited scripts, failed rows, rows whose file is gone) and stop every command that changes the
 * schema. {@code outOfOrder} lists pending scripts older than the newest applied one: they stop {@code up}, not a
 * rollback. Pending migrations newer than everything applied are normal; irreversible ones are only noted.
 */
public record ValidationReport(List<String> problems, List<String> outOfOrder, int pending, List<ResolvedScript> irreversible,
                               List<ResolvedScript> migrations) {

    public static ValidationReport of(MigrationPlan plan, List<AppliedMigration> history) {
        Map<String, ResolvedScript> resolved = new HashMap<>();
        plan.migrations().forEach(script -> resolved.put(script.version(), script));
        List<String> problems = new ArrayList<>();
        String newestApplied = null;
        Map<String, AppliedMigration> applied = new HashMap<>();
        for (AppliedMigration row : history) {
            ResolvedScript script = resolved.get(row.version());
            if (script == null && !plan.includesModule(row.module())) {
                continue;
            }
            applied.put(row.version(), row);
            if (!row.success()) {
                problems.add(row.script() + " (version " + row.version() + ") failed midway outside a transaction, so the "
                        + "statements before the failing one stayed applied. Check what they changed (an index that "
                        + "CREATE INDEX CONCURRENTLY left INVALID must be dropped with DROP INDEX CONCURRENTLY), then run "
                        + "'repair --remove-failed " + row.version() + "' and up again.");
                continue;
            }
            if (newestApplied == null || row.version().compareTo(newestApplied) > 0) {
                newestApplied = row.version();
            }
            if (script == null) {
                problems.add(row.script() + " (version " + row.version() + ") is applied, but module " + row.module()
                        + " no longer ships it. Restore the file: shipped migrations are never deleted.");
            } else if (row.checksum() == null || row.checksum() != script.checksum()) {
                problems.add("Module " + script.module() + ": " + script.origin() + " was edited after it was applied "
                        + "(checksum applied " + row.checksum() + ", file now " + script.checksum() + "). "
                        + "Restore the file as applied and put the change in a new migration.");
            }
        }
        List<String> outOfOrder = new ArrayList<>();
        int pending = 0;
        for (ResolvedScript script : plan.migrations()) {
            if (applied.containsKey(script.version())) {
                continue;
            }
            pending++;
            if (newestApplied != null && script.version().compareTo(newestApplied) < 0
                    && !script.directives().hasWithReason(ScriptDirectives.OUT_OF_ORDER)) {
                outOfOrder.add("Module " + script.module() + ": " + script.origin() + " is pending but older than the newest "
                        + "applied migration (" + newestApplied + "). If it was merged late, give it a timestamp after "
                        + newestApplied + " so every database applies migrations in the same order, or allow it with "
                        + "'-- huddle:" + ScriptDirectives.OUT_OF_ORDER + " <reason>'; if its module was rolled back alone, "
                        + "apply it again with 'up --modules " + script.module() + "'.");
            }
        }
        List<ResolvedScript> irreversible = plan.migrations().stream().filter(script -> !script.reversible()).toList();
        return new ValidationReport(List.copyOf(problems), List.copyOf(outOfOrder), pending, irreversible, plan.migrations());
    }

    /**
     * One note per irreversible migration, and per script that is empty (a no-op, from a {@code --modules-dir} history)
     * or calls a procedure ({@link ScriptContentRules#notesOf}); written only when asked for: {@code up} checks a report
     * at every start, with a plan that leaves out down scripts, where every migration looks irreversible.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        irreversible.forEach(script -> notes.add(script.script() + " has no down script: rollbacks stop before it."));
        migrations.forEach(script -> notes.addAll(ScriptContentRules.notesOf(script)));
        return notes;
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
