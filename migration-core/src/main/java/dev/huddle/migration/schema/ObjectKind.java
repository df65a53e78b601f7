package dev.huddle.migration.schema;

import java.util.Locale;

/** The schema objects besides tables, columns and enum types that a model holds, each compared by its definition. */
public enum ObjectKind {
    INDEX,
    CONSTRAINT,
    TRIGGER,
    FUNCTION,
    VIEW,
    SEQUENCE,
    /** A collation the schema defines ({@code CREATE COLLATION}), by its provider, locale and determinism. */
    COLLATION,
    /** A partitioned table's key ({@code partition orders.by}) or a partition's parent and bounds ({@code partition orders_2025.of}). */
    PARTITION,
    /** A comment on a table, column, view, index, sequence, function, type, constraint or trigger ({@code comment on column orders.note}). */
    COMMENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
