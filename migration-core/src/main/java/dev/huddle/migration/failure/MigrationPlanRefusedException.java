package dev.huddle.migration.failure;

import java.util.List;

/** Planning found problems in the scripts themselves; nothing was run and no database was opened. */
public final class MigrationPlanRefusedException extends HuddleFailure {
    private final List<String> problems;

    public MigrationPlanRefusedException(List<String> problems) {
        super("Migration plan refused, " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " (nothing was run):\n  - " + String.join("\n  - ", problems), "", null);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
