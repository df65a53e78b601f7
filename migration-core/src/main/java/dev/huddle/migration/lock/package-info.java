/**
 * One runner at a time per database: every command that changes the schema holds the migration lock. PostgreSQL gets
 * an advisory lock on the migrating connection itself; SQLite gets a file lock beside the database file.
 */
package dev.huddle.migration.lock;
