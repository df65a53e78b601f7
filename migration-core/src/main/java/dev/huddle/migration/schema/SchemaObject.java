package dev.huddle.migration.schema;

/**
 * An index, constraint, trigger, function, view or sequence.
 *
 * @param table      the table it belongs to, null for functions, views and sequences
 * @param definition its normalised definition: whitespace collapsed, the schema name left out
 */
public record SchemaObject(ObjectKind kind, String name, String table, String definition) {

    /** What names the object across databases: kind, table and name, as differences and snapshots show it. */
    public String key() {
        return kind.label() + " " + (table == null ? name : table + "." + name);
    }
}
