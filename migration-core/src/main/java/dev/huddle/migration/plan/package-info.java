/**
 * Turning discovered scripts into one checked plan: names, versions, dialect parity and the in-memory
 * table guard are all refused here, before any database is touched.
 */
package dev.huddle.migration.plan;
