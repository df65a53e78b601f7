/**
 * The manual runner, {@code huddle-migrate}: a small hand-written argument parser and one class per command over
 * {@link dev.huddle.migration.Migrations}. No command-line library, so nothing is found by reflection at start-up.
 */
package dev.huddle.migration.cli;
