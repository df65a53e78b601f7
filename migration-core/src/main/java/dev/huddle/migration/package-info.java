/** Huddle's per-module migration engine: {@link dev.huddle.migration.Migrations} is where its three users start. */
package dev.huddle.migration;
