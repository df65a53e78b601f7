package dev.huddle.migration.status;

import java.util.List;

/** The database's history disagrees with the modules' scripts; nothing was applied. */
public class InconsistentHistoryException extends RuntimeException {
    private final ValidationReport report;

    public InconsistentHistoryException(ValidationReport report, List<String> reasons) {
        super("The migration history does not match the scripts, so nothing was changed:\n  - " + String.join("\n  - ", reasons));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
