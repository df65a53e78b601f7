package dev.huddle.migration.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;

/**
 * SQLite keeps every table, index, trigger and view as the statement that creates it, rewritten by each {@code ALTER
 * TABLE}, so the script is those statements: tables first (a foreign key may name a table created later; SQLite checks
 * it only when rows arrive), then indexes, views and triggers. Tables SQLite makes itself ({@code sqlite_sequence})
 * come with the first {@code AUTOINCREMENT} and are left out.
 */
final class SqliteSchemaScript implements SchemaScript {

    @Override
    public String render(Connection connection, Predicate<String> includes) throws SQLException {
        StringBuilder script = new StringBuilder();
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
                if (includes.test(key)) {
                    script.append(rows.getString(4).strip()).append(";\n\n");
                }
            }
        }
        return script.toString();
    }
}
