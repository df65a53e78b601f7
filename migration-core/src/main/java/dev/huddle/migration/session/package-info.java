/**
 * One connection per command: it holds the migration lock, reads and writes the history, and runs every script, so
 * the lock can never be lost apart from the work it protects.
 */
package dev.huddle.migration.session;
