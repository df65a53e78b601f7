package dev.huddle.migration.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes a PostgreSQL schema from the catalog of the connection's current schema, with the schema's name left out (the
 * script runs in whichever schema the history's connection uses), in dependency order: collations, enum types and free-standing
 * sequences; functions (with body checks off, since a SQL function may name a table created below); tables with their
 * columns, collations, defaults and identity, a partitioned table with its key and each partition after its parent;
 * constraints, keys before the foreign keys that need them (a partition's copies come with it); indexes that no
 * constraint owns; triggers; views, each after the views it reads; which column owns each serial sequence; comments.
 * Grants, roles, policies and extensions are not part of the schema model and are not written: {@code squash} refuses
 * scripts that make them.
 */
final class PostgresSchemaScript implements SchemaScript {
    private static final String IN_SCHEMA = "c.relnamespace = current_schema()::regnamespace";
    private static final String NOT_FROM_EXTENSION = "not exists (select 1 from pg_depend d where d.objid = %s and d.deptype = 'e')";

    @Override
    public String render(Connection connection, Predicate<String> includes) throws SQLException {
        StringBuilder script = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            String schema = single(statement, "select current_schema()");
            for (String[] row : rows(statement, PostgresSchemaReader.COLLATIONS)) {
                if (includes.test("collation " + row[0])) {
                    script.append("CREATE COLLATION ").append(SchemaScript.identifier(row[0])).append(" (").append(row[1]).append(");\n");
                }
            }
            for (String[] row : rows(statement, "select t.typname, string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)"
                    + " from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace = current_schema()::regnamespace"
                    + " group by t.typname order by t.typname")) {
                if (includes.test("enum " + row[0])) {
                    script.append("CREATE TYPE ").append(SchemaScript.identifier(row[0])).append(" AS ENUM (").append(row[1]).append(");\n");
                }
            }
            List<String[]> sequences = rows(statement, "select c.relname, format_type(s.seqtypid, null), s.seqincrement, s.seqmin, s.seqmax,"
                    + " s.seqstart, s.seqcache, s.seqcycle, (select quote_ident(t.relname) || '.' || quote_ident(a.attname) from pg_depend d"
                    + " join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid"
                    + " where d.objid = c.oid and d.deptype = 'a' and d.classid = 'pg_class'::regclass limit 1)"
                    + " from pg_sequence s join pg_class c on c.oid = s.seqrelid where " + IN_SCHEMA + " and " + NOT_FROM_EXTENSION.formatted("c.oid")
                    // An identity column makes its own sequence.
                    + " and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'i') order by c.relname");
            for (String[] row : sequences) {
                if (includes.test("sequence " + row[0])) {
                    script.append("CREATE SEQUENCE ").append(SchemaScript.identifier(row[0])).append(" AS ").append(row[1])
                            .append(" INCREMENT BY ").append(row[2]).append(" MINVALUE ").append(row[3]).append(" MAXVALUE ").append(row[4])
                            .append(" START WITH ").append(row[5]).append(" CACHE ").append(row[6]).append("t".equals(row[7]) ? " CYCLE" : " NO CYCLE")
                            .append(";\n");
                }
            }
            functions(statement, schema, includes, script);
            tables(statement, schema, includes, script);
            for (String[] row : rows(statement, "select c.relname, con.conname, pg_get_constraintdef(con.oid) from pg_constraint con"
                    + " join pg_class c on c.oid = con.conrelid where " + IN_SCHEMA + " and c.relkind in ('r', 'p') and con.contype <> 't' and con.conislocal"
                    + " order by case con.contype when 'p' then 0 when 'u' then 1 when 'x' then 2 when 'c' then 3 else 4 end, c.relname, con.conname")) {
                if (includes.test("constraint " + row[0] + "." + row[1])) {
                    script.append("ALTER TABLE ").append(SchemaScript.identifier(row[0])).append(" ADD CONSTRAINT ")
                            .append(SchemaScript.identifier(row[1])).append(' ').append(PostgresSchemaReader.unqualified(row[2], schema)).append(";\n");
                }
            }
            // An index that belongs to a partition's copy of its parent's index is made with the partition; the parent's own is
            // read as "ON ONLY", which would leave the partitions without it.
            objects(statement, schema, includes, script, "index", "select i.tablename, i.indexname,"
                    + " regexp_replace(i.indexdef, '^(CREATE (UNIQUE )?INDEX \\S+ ON) ONLY ', '\\1 ') from pg_indexes i"
                    + " join pg_class ic on ic.oid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass"
                    + " where i.schemaname = current_schema() and not ic.relispartition and not exists (select 1 from pg_constraint con"
                    + " where con.conindid = ic.oid) order by i.tablename, i.indexname");
            objects(statement, schema, includes, script, "trigger", "select c.relname, t.tgname, pg_get_triggerdef(t.oid) from pg_trigger t"
                    + " join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and t.tgparentid = 0 and " + IN_SCHEMA
                    + " order by c.relname, t.tgname");
            views(statement, schema, includes, script);
            for (String[] row : sequences) {
                if (row[8] != null && includes.test("sequence " + row[0])) {
                    script.append("ALTER SEQUENCE ").append(SchemaScript.identifier(row[0])).append(" OWNED BY ").append(row[8]).append(";\n");
                }
            }
            for (String[] row : rows(statement, PostgresSchemaReader.COMMENTS)) {
                String target = PostgresSchemaReader.unqualified(row[1], schema);
                if (includes.test("comment on " + row[0].toLowerCase(Locale.ROOT) + " " + target)) {
                    script.append("COMMENT ON ").append(row[0]).append(' ').append(target).append(" IS ").append(row[2]).append(";\n");
                }
            }
        }
        return script.toString();
    }

    /** Views after the views they read, which a view's definition must find when it is created. */
    private static void views(Statement statement, String schema, Predicate<String> includes, StringBuilder script) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String[] row : rows(statement, "select viewname, definition from pg_views where schemaname = current_schema() order by viewname")) {
            definitions.put(row[0], row[1]);
        }
        Map<String, Set<String>> reads = new HashMap<>();
        for (String[] row : rows(statement, "select distinct v.relname, used.relname from pg_depend d join pg_rewrite r on r.oid = d.objid"
                + " join pg_class v on v.oid = r.ev_class join pg_class used on used.oid = d.refobjid where d.classid = 'pg_rewrite'::regclass"
                + " and d.refclassid = 'pg_class'::regclass and used.relkind = 'v' and used.oid <> v.oid and v.relnamespace = current_schema()::regnamespace")) {
            reads.computeIfAbsent(row[0], view -> new HashSet<>()).add(row[1]);
        }
        for (String view : DependencyOrder.of(definitions.keySet(), reads)) {
            if (includes.test("view " + view)) {
                String body = PostgresSchemaReader.unqualified(definitions.get(view), schema).strip();
                script.append("CREATE VIEW ").append(SchemaScript.identifier(view)).append(" AS\n")
                        .append(body.endsWith(";") ? body : body + ";").append('\n');
            }
        }
    }

    private static void functions(Statement statement, String schema, Predicate<String> includes, StringBuilder script) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (String[] row : rows(statement, "select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)"
                + " from pg_proc p where p.pronamespace = current_schema()::regnamespace and p.prokind in ('f', 'p') and "
                + NOT_FROM_EXTENSION.formatted("p.oid") + " order by 1")) {
            if (includes.test("function " + row[0])) {
                definitions.add(PostgresSchemaReader.unqualified(row[1], schema).strip() + ";\n");
            }
        }
        if (!definitions.isEmpty()) {
            // Only for this script's statements: a SQL function naming a table created further down is valid by then.
            script.append("SET LOCAL check_function_bodies = off;\n");
            definitions.forEach(script::append);
            script.append("RESET check_function_bodies;\n");
        }
    }

    /**
     * Each table with its columns, a partitioned one with its key; a partition as a partition of its parent (whose columns
     * it takes), after it.
     */
    private static void tables(Statement statement, String schema, Predicate<String> includes, StringBuilder script) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String[] column : rows(statement, "select c.relname, a.attname, " + PostgresSchemaReader.COLUMN_TYPE + ", pg_get_expr(ad.adbin, ad.adrelid),"
                + " a.attnotnull, a.attidentity, a.attgenerated from pg_class c join pg_attribute a on a.attrelid = c.oid"
                + " left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
                + " where " + IN_SCHEMA + " and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum")) {
            columns.computeIfAbsent(column[0], table -> new ArrayList<>()).add(columnDefinition(column, schema));
        }
        Map<String, String[]> tables = new LinkedHashMap<>();
        Map<String, Set<String>> parents = new HashMap<>();
        for (String[] table : rows(statement, "select c.relname, c.relpersistence, pg_get_partkeydef(c.oid), p.relname,"
                + " pg_get_expr(c.relpartbound, c.oid) from pg_class c left join pg_inherits i on i.inhrelid = c.oid and c.relispartition"
                + " left join pg_class p on p.oid = i.inhparent where " + IN_SCHEMA + " and c.relkind in ('r', 'p') order by c.relname")) {
            tables.put(table[0], table);
            if (table[3] != null) {
                parents.put(table[0], Set.of(table[3]));
            }
        }
        for (String name : DependencyOrder.of(tables.keySet(), parents)) {
            String[] table = tables.get(name);
            if (!includes.test("table " + name)) {
                continue;
            }
            script.append("\nCREATE ").append("u".equals(table[1]) ? "UNLOGGED " : "").append("TABLE ").append(SchemaScript.identifier(name));
            if (table[3] != null) {
                script.append(" PARTITION OF ").append(SchemaScript.identifier(table[3])).append(' ').append(PostgresSchemaReader.unqualified(table[4], schema));
            } else {
                script.append(" (\n").append(String.join(",\n", columns.getOrDefault(name, List.of()))).append("\n)");
            }
            script.append(table[2] == null ? "" : " PARTITION BY " + PostgresSchemaReader.unqualified(table[2], schema)).append(";\n");
        }
    }

    private static String columnDefinition(String[] column, String schema) {
        StringBuilder line = new StringBuilder("    ").append(SchemaScript.identifier(column[1])).append(' ').append(column[2]);
        String expression = PostgresSchemaReader.unqualified(column[3], schema);
        if ("s".equals(column[6])) {
            line.append(" GENERATED ALWAYS AS (").append(expression).append(") STORED");
        } else if (expression != null) {
            line.append(" DEFAULT ").append(expression);
        }
        if ("a".equals(column[5])) {
            line.append(" GENERATED ALWAYS AS IDENTITY");
        } else if ("d".equals(column[5])) {
            line.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        return line.append("t".equals(column[4]) ? " NOT NULL" : "").toString();
    }

    /** Objects whose catalog definition is a whole statement: one per row of table, name and definition. */
    private static void objects(Statement statement, String schema, Predicate<String> includes, StringBuilder script, String kind, String sql)
            throws SQLException {
        for (String[] row : rows(statement, sql)) {
            if (includes.test(kind + " " + row[0] + "." + row[1])) {
                script.append(PostgresSchemaReader.unqualified(row[2], schema)).append(";\n");
            }
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        return rows(statement, sql).get(0)[0];
    }

    private static List<String[]> rows(Statement statement, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
