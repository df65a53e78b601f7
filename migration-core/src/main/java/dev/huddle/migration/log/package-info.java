/** Structured log lines, one per migration applied, reverted or failed, for log pipelines that read JSON. */
package dev.huddle.migration.log;
