package dev.huddle.migration.status;

/** The database's history disagrees with the modules' scripts; nothing was applied. */
public class InconsistentHistoryException extends RuntimeException {
    private final ValidationReport report;

    public InconsistentHistoryException(ValidationReport report) {
        super("The migration history does not match the scripts, so nothing was applied:\n  - "
                + String.join("\n  - ", report.problems()));
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
