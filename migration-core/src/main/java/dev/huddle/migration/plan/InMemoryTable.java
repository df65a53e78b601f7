package dev.huddle.migration.plan;

/** A table some module keeps in memory only: never in the database, never in the history. */
public record InMemoryTable(String module, String table) {
}
