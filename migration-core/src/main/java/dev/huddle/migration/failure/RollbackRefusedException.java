package dev.huddle.migration.failure;

import java.util.List;

/** A rollback was refused before anything ran, for the reasons listed. */
public sealed class RollbackRefusedException extends HuddleFailure permits IrreversibleMigrationException {
    private final List<String> reasons;

    public RollbackRefusedException(String summary, List<String> reasons) {
        super(summary + " Nothing was rolled back:\n  - " + String.join("\n  - ", reasons), "", null);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
