/** Resolved scripts and applied rows joined into one state per migration, and the checks that compare them. */
package dev.huddle.migration.status;
