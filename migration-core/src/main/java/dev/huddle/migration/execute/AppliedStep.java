package dev.huddle.migration.execute;

/** One migration applied by a run. */
public record AppliedStep(String module, String version, String description, long executionTimeMillis) {
}
