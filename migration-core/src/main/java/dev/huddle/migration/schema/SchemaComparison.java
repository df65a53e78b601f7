package dev.huddle.migration.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a live schema with the expected one and names each difference with the module that owns the element. An
 * element missing with its table is reported once, as the missing table; likewise an extra table.
 */
public final class SchemaComparison {
    private final Map<String, String> owners;
    private final boolean reportExtras;
    private final List<SchemaDifference> differences = new ArrayList<>();

    /**
     * @param owners       element key to the module whose migration created it
     * @param reportExtras whether elements no expected module owns are differences; false when only some modules were
     *                     selected, since the others' elements are then expected to be there
     */
    private SchemaComparison(Map<String, String> owners, boolean reportExtras) {
        this.owners = owners;
        this.reportExtras = reportExtras;
    }

    public static List<SchemaDifference> compare(SchemaModel expected, SchemaModel actual, Map<String, String> owners, boolean reportExtras) {
        SchemaComparison comparison = new SchemaComparison(owners, reportExtras);
        comparison.tables(expected, actual);
        comparison.enums(expected, actual);
        comparison.objects(expected, actual);
        return List.copyOf(comparison.differences);
    }

    private void tables(SchemaModel expected, SchemaModel actual) {
        for (Table table : expected.tables().values()) {
            Table found = actual.tables().get(table.name());
            if (found == null) {
                add("table " + table.name(), "missing", String.join(", ", table.columns().stream().map(Column::name).toList()), null, null);
                continue;
            }
            for (Column column : table.columns()) {
                String key = SchemaModel.columnKey(table.name(), column.name());
                Column live = found.column(column.name()).orElse(null);
                if (live == null) {
                    add(key, "missing", column.describe(), null, "table " + table.name());
                    continue;
                }
                differ(key, "type", column.type(), live.type(), "table " + table.name());
                differ(key, "default", column.defaultValue(), live.defaultValue(), "table " + table.name());
                differ(key, "nullability", column.nullable() ? "null" : "not null", live.nullable() ? "null" : "not null", "table " + table.name());
            }
            for (Column column : found.columns()) {
                if (table.column(column.name()).isEmpty()) {
                    extra(SchemaModel.columnKey(table.name(), column.name()), column.describe(), "table " + table.name());
                }
            }
        }
        for (Table table : actual.tables().values()) {
            if (!expected.tables().containsKey(table.name())) {
                extra("table " + table.name(), String.join(", ", table.columns().stream().map(Column::name).toList()), null);
            }
        }
    }

    private void enums(SchemaModel expected, SchemaModel actual) {
        for (EnumType type : expected.enums().values()) {
            EnumType found = actual.enums().get(type.name());
            if (found == null) {
                add("enum " + type.name(), "missing", String.join(", ", type.values()), null, null);
                continue;
            }
            type.values().stream().filter(value -> !found.values().contains(value))
                    .forEach(value -> add(SchemaModel.enumValueKey(type.name(), value), "missing", "", null, "enum " + type.name()));
            found.values().stream().filter(value -> !type.values().contains(value))
                    .forEach(value -> extra(SchemaModel.enumValueKey(type.name(), value), "", "enum " + type.name()));
        }
        for (EnumType type : actual.enums().values()) {
            if (!expected.enums().containsKey(type.name())) {
                extra("enum " + type.name(), String.join(", ", type.values()), null);
            }
        }
    }

    private void objects(SchemaModel expected, SchemaModel actual) {
        for (SchemaObject object : expected.objects().values()) {
            SchemaObject found = actual.objects().get(object.key());
            if (found == null) {
                if (object.table() == null || actual.tables().containsKey(object.table())) {
                    add(object.key(), "missing", object.definition(), null, tableKey(object));
                }
            } else {
                differ(object.key(), "definition", object.definition(), found.definition(), tableKey(object));
            }
        }
        for (SchemaObject object : actual.objects().values()) {
            if (!expected.objects().containsKey(object.key()) && (object.table() == null || expected.tables().containsKey(object.table()))) {
                extra(object.key(), object.definition(), tableKey(object));
            }
        }
    }

    private static String tableKey(SchemaObject object) {
        return object.table() == null ? null : "table " + object.table();
    }

    private void differ(String key, String aspect, String expected, String actual, String parentKey) {
        if (!Objects.equals(expected, actual)) {
            add(key, aspect, expected, actual, parentKey);
        }
    }

    /** An element the expected schema lacks: the owner of its table or enum type answers for it, else nobody does. */
    private void extra(String key, String actual, String parentKey) {
        String owner = parentKey == null ? null : owners.get(parentKey);
        if (owner == null && !reportExtras) {
            return;
        }
        differences.add(new SchemaDifference(owner == null ? SchemaDifference.NO_MODULE : owner, key, "extra", null, actual));
    }

    /**
     * @param parentKey the key of the element's table or enum type, whose owner answers when the element itself has
     *                  none recorded; null for a top-level element
     */
    private void add(String key, String aspect, String expected, String actual, String parentKey) {
        String owner = owners.getOrDefault(key, parentKey == null ? null : owners.get(parentKey));
        differences.add(new SchemaDifference(owner == null ? SchemaDifference.NO_MODULE : owner, key, aspect, expected, actual));
    }
}
