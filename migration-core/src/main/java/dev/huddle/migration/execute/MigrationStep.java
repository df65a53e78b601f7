package dev.huddle.migration.execute;

/** One migration a run applied, or a rollback reverted, and how long its script took. */
public record MigrationStep(String module, String version, String description, long executionTimeMillis) {
}
