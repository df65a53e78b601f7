package dev.huddle.migration.plan;

import java.util.List;

/** A rollback was refused before anything ran, for the reasons listed. */
public class RollbackRefusedException extends RuntimeException {
    private final List<String> reasons;

    public RollbackRefusedException(String summary, List<String> reasons) {
        super(summary + " Nothing was rolled back:\n  - " + String.join("\n  - ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
