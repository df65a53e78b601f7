package dev.huddle.migration.plan;

import dev.huddle.migration.history.AppliedMigration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which applied migrations a rollback reverts, newest applied first, and refuses it up front when one of
 * them cannot be reverted or when a module-scoped rollback would drop tables that another module still uses.
 */
public final class RollbackPlanner {
    private final MigrationPlan plan;
    private final MigrationPlan allModules;

    /**
     * @param plan       the migrations in scope (the selected modules)
     * @param allModules every module's migrations, to see what other modules' applied migrations use
     */
    public RollbackPlanner(MigrationPlan plan, MigrationPlan allModules) {
        this.plan = plan;
        this.allModules = allModules;
    }

    /**
     * @throws IllegalArgumentException        for a module outside the plan or a {@code --to} version nobody knows
     * @throws IrreversibleMigrationException  when a chosen migration has no down script or no file
     * @throws RollbackRefusedException        when a module-scoped rollback would break a dependent module
     */
    public RollbackPlan plan(RollbackRequest request, List<AppliedMigration> history) {
        if (request.module() != null && !plan.includesModule(request.module())) {
            throw new UnknownModuleException(List.of(request.module()), plan.modules());
        }
        if (request.toVersion() != null && plan.find(request.toVersion()).isEmpty()
                && history.stream().noneMatch(row -> row.version().equals(request.toVersion()))) {
            throw new IllegalArgumentException("--to " + request.toVersion() + " names no known migration. Run status to see the versions.");
        }
        List<AppliedMigration> chosen = choose(request, history);
        List<String> irreversible = new ArrayList<>();
        List<RollbackStep> steps = new ArrayList<>();
        for (AppliedMigration row : chosen) {
            ResolvedScript script = plan.find(row.version()).orElse(null);
            if (script == null) {
                irreversible.add(row.script() + " is applied but its file is gone, so it has no down script. Restore the file.");
            } else if (!script.reversible()) {
                String reason = script.directives().get(ScriptDirectives.IRREVERSIBLE);
                irreversible.add(script.script() + " is irreversible: "
                        + (reason != null && !reason.isBlank() ? reason : "it ships no down script") + ".");
            } else {
                steps.add(new RollbackStep(script));
            }
        }
        if (!irreversible.isEmpty()) {
            throw new IrreversibleMigrationException(irreversible);
        }
        if (request.module() != null) {
            refuseIfDependentsNeedTables(request.module(), steps, history);
        }
        return new RollbackPlan(steps);
    }

    private List<AppliedMigration> choose(RollbackRequest request, List<AppliedMigration> history) {
        List<AppliedMigration> inScope = history.stream()
                .filter(AppliedMigration::success)
                .filter(row -> request.module() == null ? plan.includesModule(row.module()) : row.module().equals(request.module()))
                .sorted(Comparator.comparingInt(AppliedMigration::installedRank).reversed())
                .toList();
        if (request.all()) {
            return inScope;
        }
        if (request.toVersion() != null) {
            return inScope.stream().filter(row -> row.version().compareTo(request.toVersion()) > 0).toList();
        }
        int steps = request.steps() == null ? 1 : request.steps();
        return inScope.subList(0, Math.min(steps, inScope.size()));
    }

    /** Tables the rollback would drop that a dependent module's applied migration names are a refusal. */
    private void refuseIfDependentsNeedTables(String module, List<RollbackStep> steps, List<AppliedMigration> history) {
        Map<String, String> droppedTables = new HashMap<>();
        for (RollbackStep step : steps) {
            SqlText.createdTables(step.migration().sql()).forEach(table -> droppedTables.put(table, step.script()));
        }
        Set<String> dependents = allModules.dependentsOf(module);
        List<String> conflicts = new ArrayList<>();
        for (AppliedMigration row : history) {
            if (!row.success() || !dependents.contains(row.module())) {
                continue;
            }
            allModules.find(row.version()).ifPresent(user -> droppedTables.forEach((table, createdBy) -> {
                if (SqlText.mentions(user.sql(), table)) {
                    conflicts.add("table " + table + " (created by " + createdBy + ") is used by " + user.script()
                            + ", applied, of module " + user.module() + " which depends on " + module + ".");
                }
            }));
        }
        if (!conflicts.isEmpty()) {
            throw new RollbackRefusedException("Rolling back module " + module + " alone would break modules that depend on it;"
                    + " roll those back first, or roll back without --module.", conflicts);
        }
    }
}
