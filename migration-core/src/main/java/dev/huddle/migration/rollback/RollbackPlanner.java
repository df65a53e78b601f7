package dev.huddle.migration.rollback;

import dev.huddle.migration.failure.IrreversibleMigrationException;
import dev.huddle.migration.failure.RollbackRefusedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.sql.SqlText;
import dev.huddle.migration.status.MigrationInfo;
import dev.huddle.migration.status.MigrationInfos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which applied migrations a rollback reverts, newest applied first, and refuses it up front when one of
 * them cannot be reverted or when a module-scoped rollback would drop tables that another module still uses. It reads
 * the same join of scripts and history rows that status and validation read, so a row and its script are paired once.
 */
public final class RollbackPlanner {
    private final MigrationInfos inScope;
    private final MigrationInfos everyModule;

    /**
     * @param inScope     the selected modules' plan joined with the history
     * @param everyModule every module's plan (or the rolled-back module's and its dependents') joined with the same
     *                    history, to see what other modules' applied migrations use
     */
    public RollbackPlanner(MigrationInfos inScope, MigrationInfos everyModule) {
        this.inScope = inScope;
        this.everyModule = everyModule;
    }

    /**
     * @throws UnknownModuleException          for a module outside the plan
     * @throws UnknownVersionException         for a {@code --to} version nobody knows
     * @throws IrreversibleMigrationException  when a chosen migration has no down script or no file
     * @throws RollbackRefusedException        when a module-scoped rollback would break a dependent module
     */
    public RollbackPlan plan(RollbackRequest request) {
        MigrationPlan plan = inScope.plan();
        if (request.module() != null && !plan.includesModule(request.module())) {
            throw new UnknownModuleException(List.of(request.module()), plan.modules());
        }
        if (request.toVersion() != null && plan.find(request.toVersion()).isEmpty() && !inScope.recordsVersion(request.toVersion())) {
            throw new UnknownVersionException("--to", request.toVersion(), "known migration");
        }
        List<String> irreversible = new ArrayList<>();
        List<RollbackStep> steps = new ArrayList<>();
        for (MigrationInfo info : choose(request)) {
            ResolvedScript script = info.script();
            if (script == null) {
                irreversible.add(info.path() + " is applied but its file is gone, so it has no down script. Restore the file.");
            } else if (!script.reversible()) {
                String reason = script.directives().get(ScriptDirectives.IRREVERSIBLE);
                irreversible.add(script.historyPath() + " is irreversible: "
                        + (reason != null && !reason.isBlank() ? reason : "it ships no down script") + ".");
            } else {
                steps.add(new RollbackStep(script));
            }
        }
        if (!irreversible.isEmpty()) {
            throw new IrreversibleMigrationException(irreversible);
        }
        refuseIfDependentsNeedTables(steps);
        return new RollbackPlan(steps);
    }

    private List<MigrationInfo> choose(RollbackRequest request) {
        MigrationPlan plan = inScope.plan();
        List<MigrationInfo> applied = inScope.recorded().stream()
                .filter(info -> info.row().success())
                .filter(info -> request.module() == null ? plan.includesModule(info.row().module()) : info.row().module().equals(request.module()))
                .sorted(Comparator.comparingInt((MigrationInfo info) -> info.row().installedRank()).reversed())
                .toList();
        if (request.all()) {
            return applied;
        }
        if (request.toVersion() != null) {
            return applied.stream().filter(info -> info.version().compareTo(request.toVersion()) > 0).toList();
        }
        int steps = request.steps() == null ? 1 : request.steps();
        return applied.subList(0, Math.min(steps, applied.size()));
    }

    /**
     * Refuses when a table the rollback drops is named by a migration that stays applied and belongs to a module
     * depending on the table's module: however the rollback was scoped ({@code --module}, {@code --modules}).
     */
    private void refuseIfDependentsNeedTables(List<RollbackStep> steps) {
        Set<String> reverted = steps.stream().map(RollbackStep::version).collect(Collectors.toSet());
        List<String> conflicts = new ArrayList<>();
        for (RollbackStep step : steps) {
            Set<String> dependents = everyModule.plan().dependentsOf(step.module());
            for (String table : SqlText.createdTables(step.migration().sql())) {
                for (MigrationInfo info : everyModule.recorded()) {
                    ResolvedScript user = info.script();
                    if (user == null || !info.row().success() || reverted.contains(info.version())
                            || !dependents.contains(info.row().module()) || !SqlText.mentions(user.sql(), table)) {
                        continue;
                    }
                    conflicts.add("table " + table + " (created by " + step.script() + ") is used by " + user.historyPath()
                            + ", applied, of module " + user.module() + " which depends on " + step.module() + ".");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RollbackRefusedException("The rollback would drop tables that modules depending on them still use;"
                    + " roll those modules back first.", conflicts);
        }
    }
}
