package dev.huddle.migration.plan;

import dev.huddle.migration.failure.IrreversibleMigrationException;
import dev.huddle.migration.failure.RollbackRefusedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.sql.SqlText;

import dev.huddle.migration.history.AppliedMigration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
     * @throws UnknownModuleException          for a module outside the plan
     * @throws UnknownVersionException         for a {@code --to} version nobody knows
     * @throws IrreversibleMigrationException  when a chosen migration has no down script or no file
     * @throws RollbackRefusedException        when a module-scoped rollback would break a dependent module
     */
    public RollbackPlan plan(RollbackRequest request, List<AppliedMigration> history) {
        if (request.module() != null && !plan.includesModule(request.module())) {
            throw new UnknownModuleException(List.of(request.module()), plan.modules());
        }
        if (request.toVersion() != null && plan.find(request.toVersion()).isEmpty()
                && history.stream().noneMatch(row -> row.version().equals(request.toVersion()))) {
            throw new UnknownVersionException("--to", request.toVersion(), "known migration");
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
                irreversible.add(script.historyPath() + " is irreversible: "
                        + (reason != null && !reason.isBlank() ? reason : "it ships no down script") + ".");
            } else {
                steps.add(new RollbackStep(script));
            }
        }
        if (!irreversible.isEmpty()) {
            throw new IrreversibleMigrationException(irreversible);
        }
        refuseIfDependentsNeedTables(steps, history);
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

    /**
     * Refuses when a table the rollback drops is named by a migration that stays applied and belongs to a module
     * depending on the table's module: however the rollback was scoped ({@code --module}, {@code --modules}).
     */
    private void refuseIfDependentsNeedTables(List<RollbackStep> steps, List<AppliedMigration> history) {
        Set<String> reverted = steps.stream().map(RollbackStep::version).collect(Collectors.toSet());
        List<String> conflicts = new ArrayList<>();
        for (RollbackStep step : steps) {
            Set<String> dependents = allModules.dependentsOf(step.module());
            for (String table : SqlText.createdTables(step.migration().sql())) {
                for (AppliedMigration row : history) {
                    if (!row.success() || reverted.contains(row.version()) || !dependents.contains(row.module())) {
                        continue;
                    }
                    allModules.find(row.version()).filter(user -> SqlText.mentions(user.sql(), table)).ifPresent(user ->
                            conflicts.add("table " + table + " (created by " + step.script() + ") is used by " + user.historyPath()
                                    + ", applied, of module " + user.module() + " which depends on " + step.module() + "."));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RollbackRefusedException("The rollback would drop tables that modules depending on them still use;"
                    + " roll those modules back first.", conflicts);
        }
    }
}
