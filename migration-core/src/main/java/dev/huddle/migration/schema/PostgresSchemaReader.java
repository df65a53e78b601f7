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
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's catalog for the connection's current schema. Definitions come from the server's own
 * {@code pg_get_*def} functions with the schema name left out, so a scratch database's {@code public} and a live
 * database's {@code huddle} schema compare equal. Objects that belong to an extension are the extension's, not the
 * schema's, and are left out.
 */
final class PostgresSchemaReader implements SchemaReader {
    private static final String IN_SCHEMA = "c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')";
    private static final String NOT_FROM_EXTENSION = "not exists (select 1 from pg_depend d where d.objid = %s and d.deptype = 'e')";

    /**
     * A column's type as written in a table's definition: with its collation when it is not its type's default
     * ({@code text COLLATE "C"}), so a collation lost or changed is a difference. Needs {@code pg_attribute a}.
     */
    static final String COLUMN_TYPE = "format_type(a.atttypid, a.atttypmod) || coalesce((select ' COLLATE ' || quote_ident(co.collname)"
            + " from pg_type ty join pg_collation co on co.oid = a.attcollation where ty.oid = a.atttypid and a.attcollation <> ty.typcollation), '')";

    /**
     * Each collation the current schema defines as name and the options that make it again: provider, locale (ICU) or
     * {@code lc_collate} and {@code lc_ctype} (libc), determinism. Read through {@code to_jsonb}, since the column holding
     * an ICU locale is named differently from one server version to the next.
     */
    static final String COLLATIONS = "select co.collname, case co.collprovider when 'i' then 'provider = icu, locale = '"
            + " || quote_literal(coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale', co.collcollate))"
            + " else 'provider = libc, lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = ' || quote_literal(co.collctype) end"
            + " || ', deterministic = ' || co.collisdeterministic from pg_collation co"
            + " where co.collnamespace = current_schema()::regnamespace and " + NOT_FROM_EXTENSION.formatted("co.oid") + " order by 1";

    /**
     * Each comment in the current schema as kind ({@code COLUMN}), target ({@code orders.note}) and the text as a literal:
     * on tables, views, indexes, sequences, columns, functions, procedures, enum types, constraints and triggers.
     */
    static final String COMMENTS = "select case when d.objsubid > 0 then 'COLUMN' when c.relkind in ('r', 'p') then 'TABLE'"
            + " when c.relkind = 'v' then 'VIEW' when c.relkind in ('i', 'I') then 'INDEX' else 'SEQUENCE' end,"
            + " quote_ident(c.relname) || coalesce('.' || quote_ident(a.attname), ''), quote_literal(d.description)"
            + " from pg_description d join pg_class c on d.classoid = 'pg_class'::regclass and d.objoid = c.oid"
            + " left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid and d.objsubid > 0"
            + " where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'i', 'I', 'S')"
            + " and " + NOT_FROM_EXTENSION.formatted("c.oid")
            + " union all select case p.prokind when 'p' then 'PROCEDURE' else 'FUNCTION' end,"
            + " quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', quote_literal(d.description)"
            + " from pg_description d join pg_proc p on d.classoid = 'pg_proc'::regclass and d.objoid = p.oid"
            + " where p.pronamespace = current_schema()::regnamespace and " + NOT_FROM_EXTENSION.formatted("p.oid")
            + " union all select 'TYPE', quote_ident(t.typname), quote_literal(d.description)"
            + " from pg_description d join pg_type t on d.classoid = 'pg_type'::regclass and d.objoid = t.oid"
            + " where t.typnamespace = current_schema()::regnamespace and " + NOT_FROM_EXTENSION.formatted("t.oid")
            + " union all select 'CONSTRAINT', quote_ident(con.conname) || ' ON ' || quote_ident(c.relname), quote_literal(d.description)"
            + " from pg_description d join pg_constraint con on d.classoid = 'pg_constraint'::regclass and d.objoid = con.oid"
            + " join pg_class c on c.oid = con.conrelid where c.relnamespace = current_schema()::regnamespace"
            + " union all select 'TRIGGER', quote_ident(tg.tgname) || ' ON ' || quote_ident(c.relname), quote_literal(d.description)"
            + " from pg_description d join pg_trigger tg on d.classoid = 'pg_trigger'::regclass and d.objoid = tg.oid"
            + " join pg_class c on c.oid = tg.tgrelid where c.relnamespace = current_schema()::regnamespace and tg.tgparentid = 0"
            + " order by 1, 2";

    @Override
    public SchemaModel read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String schema = currentSchema(statement);
            List<EnumType> enums = enums(statement);
            List<SchemaObject> objects = new ArrayList<>();
            collect(statement, schema, objects, ObjectKind.CONSTRAINT, "select c.relname, con.conname, pg_get_constraintdef(con.oid)"
                    + " from pg_constraint con join pg_class c on c.oid = con.conrelid where " + IN_SCHEMA);
            collect(statement, schema, objects, ObjectKind.INDEX, "select tablename, indexname, indexdef from pg_indexes"
                    + " where schemaname = current_schema()");
            collect(statement, schema, objects, ObjectKind.TRIGGER, "select c.relname, t.tgname, pg_get_triggerdef(t.oid)"
                    + " from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and " + IN_SCHEMA);
            collect(statement, schema, objects, ObjectKind.FUNCTION, "select null, p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
                    + " || ')', pg_get_functiondef(p.oid) from pg_proc p where p.pronamespace = current_schema()::regnamespace"
                    + " and p.prokind in ('f', 'p') and " + NOT_FROM_EXTENSION.formatted("p.oid"));
            collect(statement, schema, objects, ObjectKind.VIEW, "select null, viewname, definition from pg_views"
                    + " where schemaname = current_schema()");
            collect(statement, schema, objects, ObjectKind.SEQUENCE, "select null, c.relname, format_type(s.seqtypid, null)"
                    + " from pg_sequence s join pg_class c on c.oid = s.seqrelid where c.relnamespace = current_schema()::regnamespace"
                    + " and " + NOT_FROM_EXTENSION.formatted("c.oid"));
            collect(statement, schema, objects, ObjectKind.COLLATION, "select null, collations.* from (" + COLLATIONS + ") collations");
            collect(statement, schema, objects, ObjectKind.PARTITION, "select c.relname, 'by', pg_get_partkeydef(c.oid) from pg_class c"
                    + " where c.relkind = 'p' and " + IN_SCHEMA + " union all select c.relname, 'of', quote_ident(p.relname) || ' '"
                    + " || pg_get_expr(c.relpartbound, c.oid) from pg_class c join pg_inherits i on i.inhrelid = c.oid"
                    + " join pg_class p on p.oid = i.inhparent where c.relispartition and " + IN_SCHEMA);
            try (ResultSet rows = statement.executeQuery(COMMENTS)) {
                while (rows.next()) {
                    String target = unqualified(rows.getString(2), schema);
                    objects.add(new SchemaObject(ObjectKind.COMMENT, "on " + rows.getString(1).toLowerCase(Locale.ROOT) + " " + target, null,
                            SchemaReader.normalise(rows.getString(3))));
                }
            }
            return SchemaModel.of(tables(statement, schema), enums, objects);
        }
    }

    private static String currentSchema(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("select current_schema()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static List<Table> tables(Statement statement, String schema) throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("select c.relname, a.attname, " + COLUMN_TYPE + ","
                + " case a.attidentity when 'a' then 'generated always as identity' when 'd' then 'generated by default as identity'"
                + " else pg_get_expr(ad.adbin, ad.adrelid) end, not a.attnotnull"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
                + " where " + IN_SCHEMA + " and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(new Column(rows.getString(2),
                        rows.getString(3), unqualified(rows.getString(4), schema), rows.getBoolean(5)));
            }
        }
        // A table without columns is still a table.
        try (ResultSet rows = statement.executeQuery("select c.relname from pg_class c where " + IN_SCHEMA)) {
            while (rows.next()) {
                columns.putIfAbsent(rows.getString(1), List.of());
            }
        }
        return columns.entrySet().stream().map(entry -> new Table(entry.getKey(), entry.getValue())).toList();
    }

    private static List<EnumType> enums(Statement statement) throws SQLException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("select t.typname, e.enumlabel from pg_type t join pg_enum e on e.enumtypid = t.oid"
                + " where t.typnamespace = current_schema()::regnamespace order by t.typname, e.enumsortorder")) {
            while (rows.next()) {
                values.computeIfAbsent(rows.getString(1), type -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return values.entrySet().stream().map(entry -> new EnumType(entry.getKey(), entry.getValue())).toList();
    }

    /** Adds one object per row of {@code sql}, whose columns are table (or null), name and definition. */
    private static void collect(Statement statement, String schema, List<SchemaObject> objects, ObjectKind kind, String sql)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                objects.add(new SchemaObject(kind, rows.getString(2), rows.getString(1),
                        SchemaReader.normalise(unqualified(rows.getString(3), schema))));
            }
        }
    }

    /** The definition without its schema's name, which differs between a scratch database and the live one. */
    static String unqualified(String definition, String schema) {
        if (definition == null) {
            return null;
        }
        String quoted = Pattern.quote("\"" + schema.replace("\"", "\"\"") + "\".");
        String bare = "(?<![\\w\"$.])" + Pattern.quote(schema + ".");
        return definition.replaceAll(quoted + "|" + bare, "");
    }
}
