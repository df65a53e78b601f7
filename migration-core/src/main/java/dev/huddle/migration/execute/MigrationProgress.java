package dev.huddle.migration.execute;

import dev.huddle.migration.plan.ResolvedScript;

import java.util.List;

/**
 * What a run of {@link MigrationExecutor} tells as it goes, so that a long run shows where it is: each migration as it
 * starts and once its script has run, then each commit, which is when those migrations count as applied.
 */
public interface MigrationProgress {
    /** Tells nothing; for callers that only want the result. */
    MigrationProgress SILENT = new MigrationProgress() {
    };

    /** The script is about to run. */
    default void starting(ResolvedScript script) {
    }

    /** The script ran; it is applied once its transaction commits. */
    default void ran(MigrationStep step) {
    }

    /** These migrations and their history rows were committed. */
    default void committed(List<MigrationStep> steps) {
    }
}
