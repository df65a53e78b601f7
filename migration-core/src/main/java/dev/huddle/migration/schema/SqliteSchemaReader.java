package dev.huddle.migration.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQLite's {@code main} database. Columns, keys and unique constraints come from the pragmas, which answer the
 * same however the table was written or rebuilt; indexes, triggers and views from their stored SQL; check constraints
 * and column collations from the table's stored SQL, the only place SQLite keeps them. SQLite forgets constraint names except in that SQL,
 * so keys are named by their columns ({@code fk(meeting_id)}).
 */
final class SqliteSchemaReader implements SchemaReader {
    private static final Pattern CHECK = Pattern.compile("(?:\\bCONSTRAINT\\s+(\"[^\"]+\"|\\w+)\\s+)?\\bCHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        List<Table> tables = new ArrayList<>();
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            Map<String, String> tableSql = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("select name, sql from main.sqlite_master where type = 'table'"
                    + " and name not like 'sqlite\\_%' escape '\\' order by name")) {
                while (rows.next()) {
                    tableSql.put(rows.getString(1), rows.getString(2));
                }
            }
            for (Map.Entry<String, String> table : tableSql.entrySet()) {
                tables.add(new Table(table.getKey(), columns(statement, table.getKey(), SqliteColumnCollations.of(table.getValue()), objects)));
                foreignKeys(statement, table.getKey(), objects);
                uniqueConstraints(statement, table.getKey(), objects);
                checks(table.getKey(), table.getValue(), objects);
            }
            try (ResultSet rows = statement.executeQuery("select type, tbl_name, name, sql from main.sqlite_master"
                    + " where type in ('index', 'trigger', 'view') and sql is not null order by type, name")) {
                while (rows.next()) {
                    ObjectKind kind = ObjectKind.valueOf(rows.getString(1).toUpperCase(Locale.ROOT));
                    objects.add(new SchemaObject(kind, rows.getString(3), kind == ObjectKind.VIEW ? null : rows.getString(2),
                            SchemaReader.normalise(rows.getString(4))));
                }
            }
        }
        return SchemaModel.of(tables, List.of(), objects);
    }

    /**
     * The table's columns, each type with the collation its definition declares ({@code TEXT COLLATE NOCASE}); its primary
     * key, whose columns the same pragma numbers, becomes a constraint.
     */
    private static List<Column> columns(Statement statement, String table, Map<String, String> collations, List<SchemaObject> objects)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> primaryKey = new TreeMap<>();
        try (ResultSet rows = statement.executeQuery("pragma main.table_xinfo(" + literal(table) + ")")) {
            while (rows.next()) {
                String name = rows.getString("name");
                String collation = collations.get(name);
                columns.add(new Column(name, rows.getString("type") + (collation == null ? "" : " COLLATE " + collation),
                        rows.getString("dflt_value"), rows.getInt("notnull") == 0));
                if (rows.getInt("pk") > 0) {
                    primaryKey.put(rows.getInt("pk"), name);
                }
            }
        }
        if (!primaryKey.isEmpty()) {
            String keyColumns = String.join(", ", primaryKey.values());
            objects.add(new SchemaObject(ObjectKind.CONSTRAINT, "pk(" + keyColumns + ")", table, "PRIMARY KEY (" + keyColumns + ")"));
        }
        return columns;
    }

    private static void foreignKeys(Statement statement, String table, List<SchemaObject> objects) throws SQLException {
        Map<Integer, List<String[]>> keys = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("pragma main.foreign_key_list(" + literal(table) + ")")) {
            while (rows.next()) {
                keys.computeIfAbsent(rows.getInt("id"), id -> new ArrayList<>()).add(new String[] {rows.getString("from"),
                        rows.getString("table"), rows.getString("to"), rows.getString("on_update"), rows.getString("on_delete")});
            }
        }
        for (List<String[]> parts : keys.values()) {
            String from = String.join(", ", parts.stream().map(part -> part[0]).toList());
            String to = String.join(", ", parts.stream().map(part -> part[2] == null ? "" : part[2]).toList());
            String[] first = parts.get(0);
            objects.add(new SchemaObject(ObjectKind.CONSTRAINT, "fk(" + from + ")", table, "FOREIGN KEY (" + from + ") REFERENCES "
                    + first[1] + "(" + to + ") ON UPDATE " + first[3] + " ON DELETE " + first[4]));
        }
    }

    /** Unique constraints written in the table (SQLite backs each with an automatic index; named indexes are read as such). */
    private static void uniqueConstraints(Statement statement, String table, List<SchemaObject> objects) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("pragma main.index_list(" + literal(table) + ")")) {
            while (rows.next()) {
                if ("u".equals(rows.getString("origin"))) {
                    indexes.add(rows.getString("name"));
                }
            }
        }
        for (String index : indexes) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("pragma main.index_info(" + literal(index) + ")")) {
                while (rows.next()) {
                    columns.add(rows.getString("name"));
                }
            }
            String keyColumns = String.join(", ", columns);
            objects.add(new SchemaObject(ObjectKind.CONSTRAINT, "unique(" + keyColumns + ")", table, "UNIQUE (" + keyColumns + ")"));
        }
    }

    /** Each CHECK in the table's SQL with its parenthesised condition, named by its CONSTRAINT name or its position. */
    private static void checks(String table, String sql, List<SchemaObject> objects) {
        if (sql == null) {
            return;
        }
        Matcher matcher = CHECK.matcher(sql);
        int position = 0;
        while (matcher.find()) {
            int end = closingParenthesis(sql, matcher.end() - 1);
            position++;
            String name = matcher.group(1) != null ? matcher.group(1).replace("\"", "") : "check(" + position + ")";
            objects.add(new SchemaObject(ObjectKind.CONSTRAINT, name, table, "CHECK " + SchemaReader.normalise(sql.substring(matcher.end() - 1, end))));
        }
    }

    /** The index just past the parenthesis that closes the one at {@code open}, skipping quoted text. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return sql.length();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
