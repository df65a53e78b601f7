package dev.huddle.migration.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQLite keeps every table, index, trigger and view as the statement that creates it, rewritten by each {@code ALTER
 * TABLE}, so the script is those statements: tables first (a foreign key may name a table created later; SQLite checks
 * it only when rows arrive), then indexes, views (each after the views it reads) and triggers. Column collations
 * ({@code COLLATE NOCASE}) are part of the table's statement, so they come with it. Tables SQLite makes itself ({@code sqlite_sequence})
 * come with the first {@code AUTOINCREMENT} and are left out.
 */
final class SqliteSchemaScript implements SchemaScript {

    @Override
    public String render(Connection connection, Predicate<String> includes) throws SQLException {
        Map<String, String[]> objects = new LinkedHashMap<>();
        Map<String, Set<String>> reads = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select type, name, tbl_name, sql from main.sqlite_master"
                     + " where sql is not null and name not like 'sqlite\\_%' escape '\\'"
                     + " order by case type when 'table' then 0 when 'index' then 1 when 'view' then 2 else 3 end, rowid")) {
            while (rows.next()) {
                String type = rows.getString(1);
                String key = switch (type) {
                    case "table", "view" -> type + " " + rows.getString(2);
                    default -> type + " " + rows.getString(3) + "." + rows.getString(2);
                };
                objects.put(key, new String[] {type, rows.getString(2), rows.getString(4)});
            }
        }
        List<String> views = objects.values().stream().filter(object -> object[0].equals("view")).map(object -> object[1]).toList();
        for (String view : views) {
            reads.put("view " + view, views.stream().filter(other -> !other.equals(view) && mentions(objects.get("view " + view)[2], other))
                    .map(other -> "view " + other).collect(Collectors.toSet()));
        }
        StringBuilder script = new StringBuilder();
        for (String key : DependencyOrder.of(objects.keySet(), reads)) {
            if (includes.test(key)) {
                script.append(objects.get(key)[2].strip()).append(";\n\n");
            }
        }
        return script.toString();
    }

    /** Whether a view's SQL names another view; a view recreated after the ones that read it would otherwise come after them. */
    private static boolean mentions(String sql, String name) {
        return Pattern.compile("(?<![\\w$])[\"`\\[]?" + Pattern.quote(name) + "[\"`\\]]?(?![\\w$])", Pattern.CASE_INSENSITIVE).matcher(sql).find();
    }
}
