package dev.huddle.migration.execute;

import java.util.List;

/** What one {@code up} applied, in order; empty when the database was already current. */
public record UpResult(List<MigrationStep> applied) {

    public UpResult {
        applied = List.copyOf(applied);
    }
}
