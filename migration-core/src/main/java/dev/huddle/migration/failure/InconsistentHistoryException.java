package dev.huddle.migration.failure;

import dev.huddle.migration.status.ValidationReport;

import java.util.List;

/** The database's history disagrees with the modules' scripts; nothing was applied. Each reason names its fix. */
public final class InconsistentHistoryException extends HuddleFailure {
    private final ValidationReport report;

    public InconsistentHistoryException(ValidationReport report, List<String> reasons) {
        super("The migration history does not match the scripts, so nothing was changed:\n  - " + String.join("\n  - ", reasons), "", null);
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
