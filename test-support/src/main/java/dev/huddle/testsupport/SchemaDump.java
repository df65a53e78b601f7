package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A normalized, comparable text of a database's schema: tables, columns (in order, with types, nullability and
 * defaults), constraints, indexes, triggers, enum types, functions and sequences. The migration history table is
 * left out, so "empty" means no schema of the modules at all. Two dumps are equal exactly when the schemas are.
 */
public final class SchemaDump {
    private static final String HISTORY = "huddle_schema_history";

    private SchemaDump() {
    }

    public static String of(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return of(database.engine(), connection);
        }
    }

    /** The dump read over a connection the caller keeps, for tests that dump one database many times. */
    public static String of(Engine engine, Connection connection) throws SQLException {
        return engine == Engine.SQLITE ? sqlite(connection) : postgres(connection);
    }

    /** SQLite keeps each object's defining SQL, rewritten by ALTER TABLE; that text is the schema. */
    private static String sqlite(Connection connection) throws SQLException {
        return lines(connection, "select type || ' ' || name || ': ' || coalesce(sql, '') from sqlite_master "
                + "where name not like 'sqlite_%' and tbl_name <> '" + HISTORY + "' order by type, name");
    }

    private static String postgres(Connection connection) throws SQLException {
        List<String> sections = new ArrayList<>();
        sections.add(lines(connection, "select 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' '"
                + " || is_nullable || ' ' || coalesce(column_default, '-') from information_schema.columns"
                + " where table_schema = current_schema() and table_name <> '" + HISTORY + "' order by table_name, ordinal_position"));
        sections.add(lines(connection, "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                + " from pg_constraint where connamespace = current_schema()::regnamespace and conrelid::regclass::text <> '" + HISTORY + "'"
                + " order by conrelid::regclass::text, conname"));
        sections.add(lines(connection, "select 'index ' || indexname || ' ' || indexdef from pg_indexes"
                + " where schemaname = current_schema() and tablename <> '" + HISTORY + "' order by indexname"));
        sections.add(lines(connection, "select 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) from pg_trigger"
                + " where not tgisinternal order by tgrelid::regclass::text, tgname"));
        sections.add(lines(connection, "select 'type ' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder)"
                + " from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace = current_schema()::regnamespace"
                + " group by t.typname order by t.typname"));
        sections.add(lines(connection, "select 'function ' || p.proname || ' ' || pg_get_functiondef(p.oid) from pg_proc p"
                + " where p.pronamespace = current_schema()::regnamespace order by p.proname"));
        sections.add(lines(connection, "select 'sequence ' || sequence_name from information_schema.sequences"
                + " where sequence_schema = current_schema() order by sequence_name"));
        return String.join("", sections);
    }

    private static String lines(Connection connection, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                text.append(rows.getString(1).strip()).append('\n');
            }
        }
        return text.toString();
    }
}
