/**
 * Applying, reverting and repairing through one database session: the executors run scripts and write history rows
 * in the transactions that make a run all-or-nothing.
 */
package dev.huddle.migration.execute;
