package dev.huddle.migration.status;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single join of a plan (what the selected modules ship) with a history (what the database recorded): one
 * {@link MigrationInfo} per history row of the selected modules, in installed order, then one per pending script in
 * plan order. Rows of modules that exist but are not selected are left out; rows of modules nobody declares are not.
 */
public final class MigrationInfos {
    private final MigrationPlan plan;
    private final List<MigrationInfo> rows;
    private final List<MigrationInfo> pending;
    private final String newestApplied;
    private final Set<String> versionsInHistory;

    private MigrationInfos(MigrationPlan plan, List<MigrationInfo> rows, List<MigrationInfo> pending, String newestApplied,
                           Set<String> versionsInHistory) {
        this.plan = plan;
        this.rows = List.copyOf(rows);
        this.pending = List.copyOf(pending);
        this.newestApplied = newestApplied;
        this.versionsInHistory = versionsInHistory;
    }

    public static MigrationInfos join(MigrationPlan plan, List<AppliedMigration> history) {
        Map<String, ResolvedScript> resolved = new HashMap<>();
        Map<String, String> newestScriptOfModule = new HashMap<>();
        for (ResolvedScript script : plan.migrations()) {
            resolved.put(script.version(), script);
            newestScriptOfModule.merge(script.module(), script.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        List<MigrationInfo> rows = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        Set<String> appliedVersions = new HashSet<>();
        Set<String> versionsInHistory = new HashSet<>();
        String newestApplied = null;
        for (AppliedMigration row : history) {
            versionsInHistory.add(row.version());
            ResolvedScript script = resolved.get(row.version());
            boolean declared = plan.declaresModule(row.module());
            if (script == null && declared && !plan.includesModule(row.module())) {
                continue;
            }
            recorded.add(row.version());
            MigrationState state;
            String why = null;
            if (!declared) {
                state = MigrationState.UNKNOWN_MODULE;
                why = row.script() + " (version " + row.version() + ") belongs to module " + row.module() + ", which no module on "
                        + "the class path or in --modules-dir declares. Add that module, or if the row does not belong to this "
                        + "database's history, remove it by hand.";
            } else if (row.success() && !appliedVersions.add(row.version())) {
                state = MigrationState.DUPLICATE;
                why = row.script() + " (version " + row.version() + ") is recorded twice (installed rank " + row.installedRank()
                        + " repeats an earlier row): it was applied twice or its row was copied. Check that its changes "
                        + "exist once, then delete the extra row (installed_rank " + row.installedRank() + ") by hand.";
            } else if (!row.success()) {
                state = MigrationState.FAILED;
                why = row.script() + " (version " + row.version() + ") failed midway outside a transaction, so the "
                        + "statements before the failing one stayed applied. Check what they changed (an index that "
                        + "CREATE INDEX CONCURRENTLY left INVALID must be dropped with DROP INDEX CONCURRENTLY), then run "
                        + "'repair --remove-failed " + row.version() + "' and up again.";
            } else if (script == null && isNewer(row.version(), newestScriptOfModule.get(row.module()))) {
                state = MigrationState.FUTURE;
                why = row.script() + " (version " + row.version() + ") is applied but newer than every script module "
                        + row.module() + " ships: a newer release migrated this database, or the file was deleted. Run that "
                        + "release (or roll the database back with it first), or restore the file.";
            } else if (script == null) {
                state = MigrationState.MISSING;
                why = row.script() + " (version " + row.version() + ") is applied, but module " + row.module()
                        + " no longer ships it. Restore the file: shipped migrations are never deleted.";
            } else if (row.checksum() == null || row.checksum() != script.checksum()) {
                state = MigrationState.CHECKSUM_MISMATCH;
                why = "Module " + script.module() + ": " + script.origin() + " was edited after it was applied "
                        + "(checksum applied " + row.checksum() + ", file now " + script.checksum() + "). "
                        + "Restore the file as applied and put the change in a new migration.";
            } else if (newestApplied != null && row.version().compareTo(newestApplied) < 0) {
                state = MigrationState.OUT_OF_ORDER;
                why = allowance(script);
            } else {
                state = MigrationState.APPLIED;
            }
            if (row.success() && (newestApplied == null || row.version().compareTo(newestApplied) > 0)) {
                newestApplied = row.version();
            }
            rows.add(new MigrationInfo(script, row, state, why));
        }
        List<MigrationInfo> pending = new ArrayList<>();
        for (ResolvedScript script : plan.migrations()) {
            if (!recorded.contains(script.version())) {
                pending.add(new MigrationInfo(script, null, MigrationState.PENDING, null));
            }
        }
        return new MigrationInfos(plan, rows, pending, newestApplied, versionsInHistory);
    }

    /** Newer than the module's newest script; a module that ships none has nothing to be newer than. */
    private static boolean isNewer(String version, String newestScript) {
        return newestScript != null && version.compareTo(newestScript) > 0;
    }

    /** The recorded reason a migration may run out of order, or null. Reading it reads the script. */
    static String allowance(ResolvedScript script) {
        String reason = script == null ? null : script.directives().get(ScriptDirectives.OUT_OF_ORDER);
        return reason == null || reason.isBlank() ? null : "allowed out of order: " + reason;
    }

    /** The plan side of the join. */
    public MigrationPlan plan() {
        return plan;
    }

    /** Whether any history row has this version, of a selected module or not. */
    public boolean recordsVersion(String version) {
        return versionsInHistory.contains(version);
    }

    /** Every history row of the selected modules (and of undeclared ones), in installed order. */
    public List<MigrationInfo> recorded() {
        return rows;
    }

    /** Every script not yet in the history, in plan order. */
    public List<MigrationInfo> pending() {
        return pending;
    }

    /** The pending scripts up to and including {@code targetVersion} (all when null), in plan order. */
    public List<ResolvedScript> pendingUpTo(String targetVersion) {
        return pending.stream().map(MigrationInfo::script)
                .filter(script -> targetVersion == null || script.version().compareTo(targetVersion) <= 0)
                .toList();
    }

    /** The newest version with a successful row, or null before the first migration. */
    public String newestApplied() {
        return newestApplied;
    }

    /** What makes the history untrustworthy, one sentence each with its fix; empty when it can be trusted. */
    public List<String> problems() {
        return rows.stream().filter(info -> info.state().isProblem()).map(MigrationInfo::why).toList();
    }

    /**
     * Pending scripts older than the newest applied one that carry no allowance: they stop {@code up}, not a rollback.
     * The advice is the same for each, so the first carries it and the others point to it: a branch merged late may
     * bring dozens.
     */
    public List<String> outOfOrderPending() {
        List<ResolvedScript> late = new ArrayList<>();
        Set<String> modules = new LinkedHashSet<>();
        for (MigrationInfo info : pending) {
            ResolvedScript script = info.script();
            if (newestApplied != null && script.version().compareTo(newestApplied) < 0
                    && !script.directives().hasWithReason(ScriptDirectives.OUT_OF_ORDER)) {
                late.add(script);
                modules.add(script.module());
            }
        }
        List<String> refused = new ArrayList<>();
        for (ResolvedScript script : late) {
            String problem = "Module " + script.module() + ": " + script.origin() + " is pending but older than the newest "
                    + "applied migration (" + newestApplied + ")";
            refused.add(refused.isEmpty() ? problem + ". If " + (late.size() == 1 ? "it was" : "they were") + " merged late, "
                    + "give " + (late.size() == 1 ? "it a timestamp" : "each a timestamp") + " after " + newestApplied
                    + " so every database applies migrations in the same order, or allow " + (late.size() == 1 ? "it" : "each")
                    + " with '-- huddle:" + ScriptDirectives.OUT_OF_ORDER + " <reason>'; if " + (modules.size() == 1 ? "its module was"
                    : "their modules were") + " rolled back alone, apply " + (late.size() == 1 ? "it" : "them") + " again with "
                    + "'up --modules " + String.join(",", modules) + "'." : problem + ": the same fix as above.");
        }
        return refused;
    }
}
