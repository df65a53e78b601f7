/**
 * Squashing: one baseline script per dialect that builds, on a fresh database, what a module's first migrations build,
 * and its use by {@code up} in their place while their history rows are written as if they had run.
 */
package dev.huddle.migration.squash;
