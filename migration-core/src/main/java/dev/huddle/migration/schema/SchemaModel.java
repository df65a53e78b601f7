package dev.huddle.migration.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One schema of one database, normalised so that two databases built by the same scripts give equal models: tables
 * with their columns, enum types, and every other object ({@link ObjectKind}) by its key. Every element has a key
 * ({@code table meetings}, {@code column meetings.title}, {@code enum value mood.happy}, {@code index
 * meetings.idx_meetings_room_name}) that names it in differences, snapshots and ownership.
 */
public record SchemaModel(SortedMap<String, Table> tables, SortedMap<String, EnumType> enums, SortedMap<String, SchemaObject> objects) {

    public SchemaModel {
        tables = new TreeMap<>(tables);
        enums = new TreeMap<>(enums);
        objects = new TreeMap<>(objects);
    }

    public static SchemaModel of(Collection<Table> tables, Collection<EnumType> enums, Collection<SchemaObject> objects) {
        SortedMap<String, Table> tableMap = new TreeMap<>();
        tables.forEach(table -> tableMap.put(table.name(), table));
        SortedMap<String, EnumType> enumMap = new TreeMap<>();
        enums.forEach(type -> enumMap.put(type.name(), type));
        SortedMap<String, SchemaObject> objectMap = new TreeMap<>();
        objects.forEach(object -> objectMap.put(object.key(), object));
        return new SchemaModel(tableMap, enumMap, objectMap);
    }

    /** This model without these tables and everything that belongs to them (history tables, in-memory tables). */
    public SchemaModel withoutTables(Set<String> names) {
        SortedMap<String, Table> keptTables = new TreeMap<>(tables);
        keptTables.keySet().removeAll(names);
        SortedMap<String, SchemaObject> keptObjects = new TreeMap<>(objects);
        keptObjects.values().removeIf(object -> object.table() != null && names.contains(object.table())
                || object.kind() == ObjectKind.SEQUENCE && names.stream().anyMatch(table -> object.name().startsWith(table + "_")));
        return new SchemaModel(keptTables, enums, keptObjects);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && enums.isEmpty() && objects.isEmpty();
    }

    /**
     * Every element as key to its one-line description, in reading order: each table with its columns, partitioning,
     * constraints, indexes and triggers, then enum types and their values, then functions, views, sequences and comments.
     */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Table table : tables.values()) {
            entries.put("table " + table.name(), "table " + table.name());
            for (Column column : table.columns()) {
                entries.put(columnKey(table.name(), column.name()), "  column " + column.describe());
            }
            for (ObjectKind kind : List.of(ObjectKind.PARTITION, ObjectKind.CONSTRAINT, ObjectKind.INDEX, ObjectKind.TRIGGER)) {
                objects.values().stream().filter(object -> object.kind() == kind && table.name().equals(object.table()))
                        .forEach(object -> entries.put(object.key(), "  " + kind.label() + " " + object.name() + ": " + object.definition()));
            }
        }
        for (EnumType type : enums.values()) {
            entries.put("enum " + type.name(), "enum " + type.name());
            for (String value : type.values()) {
                entries.put(enumValueKey(type.name(), value), "  value " + value);
            }
        }
        objects.values().stream().filter(object -> object.table() == null || !tables.containsKey(object.table()))
                .forEach(object -> entries.put(object.key(), object.key() + ": " + object.definition()));
        return entries;
    }

    public static String columnKey(String table, String column) {
        return "column " + table + "." + column;
    }

    public static String enumValueKey(String type, String value) {
        return "enum value " + type + "." + value;
    }
}
