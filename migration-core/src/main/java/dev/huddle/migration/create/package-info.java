/** Writing a new migration's up and down scripts, for both dialects, into a module's source folders. */
package dev.huddle.migration.create;
