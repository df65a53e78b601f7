/** Applying a plan: Flyway Community runs each script and writes the history; this package feeds it and reports. */
package dev.huddle.migration.execute;
