package dev.huddle.migration.schema;

import java.util.List;
import java.util.Optional;

/** A table and its columns in their declared order. */
public record Table(String name, List<Column> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
    }
}
