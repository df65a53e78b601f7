package dev.huddle.migration.schema;

import java.util.Locale;

/** The schema objects besides tables, columns and enum types that a model holds, each compared by its definition. */
public enum ObjectKind {
    INDEX,
    CONSTRAINT,
    TRIGGER,
    FUNCTION,
    VIEW,
    SEQUENCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
