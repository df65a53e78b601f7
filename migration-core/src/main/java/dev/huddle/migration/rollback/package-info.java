/**
 * Rolling back: which applied migrations a request reverts, read from the join of plan and history
 * ({@link dev.huddle.migration.status.MigrationInfos}), and why a rollback is refused before anything runs.
 */
package dev.huddle.migration.rollback;
