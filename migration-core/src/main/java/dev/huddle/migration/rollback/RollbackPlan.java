package dev.huddle.migration.rollback;

import java.util.List;

/** The migrations to revert, newest first; every one of them has a down script. */
public record RollbackPlan(List<RollbackStep> steps) {

    public RollbackPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
