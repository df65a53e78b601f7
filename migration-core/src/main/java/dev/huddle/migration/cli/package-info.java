/** The manual runner, {@code huddle-migrate}: picocli commands over {@link dev.huddle.migration.Migrations}. */
package dev.huddle.migration.cli;
