package dev.huddle.migration.status;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What stands between a database's history and its modules' scripts: edited scripts (checksums differ), failed
 * rows, rows whose file is gone, and pending scripts older than the newest applied one. Pending migrations
 * that are newer than everything applied are normal and not problems; irreversible migrations are noted, since
 * they limit rollback, but are not problems either.
 */
public record ValidationReport(List<String> problems, int pending, List<String> notes) {

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
                problems.add(row.script() + " (version " + row.version() + ") failed midway and is recorded as failed. "
                        + "Check what it changed, restore the database to before it, then remove its failed row.");
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
        int pending = 0;
        for (ResolvedScript script : plan.migrations()) {
            if (applied.containsKey(script.version())) {
                continue;
            }
            pending++;
            if (newestApplied != null && script.version().compareTo(newestApplied) < 0) {
                problems.add("Module " + script.module() + ": " + script.origin() + " is pending but older than the newest "
                        + "applied migration (" + newestApplied + "). Give it a timestamp after " + newestApplied
                        + " so every database applies migrations in the same order.");
            }
        }
        List<String> notes = plan.migrations().stream().filter(script -> !script.reversible())
                .map(script -> script.script() + " has no down script: rollbacks stop before it.")
                .toList();
        return new ValidationReport(List.copyOf(problems), pending, notes);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
