package dev.huddle.migration.schema;

import java.util.List;

/** A PostgreSQL enum type and its values in their sort order. */
public record EnumType(String name, List<String> values) {

    public EnumType {
        values = List.copyOf(values);
    }
}
