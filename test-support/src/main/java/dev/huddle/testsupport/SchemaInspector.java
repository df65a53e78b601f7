package dev.huddle.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads a database's tables, columns, foreign keys and indexes through JDBC metadata, the same way on both engines. */
public final class SchemaInspector {
    private final Connection connection;

    public SchemaInspector(Connection connection) {
        this.connection = connection;
    }

    /** Lower-case names of the user tables in the current schema. */
    public Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = metaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    public Set<String> columns(String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rs = metaData().getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** Foreign keys of a table as {@code column -> parent_table.parent_column ON DELETE rule}. */
    public Set<String> foreignKeys(String table) throws SQLException {
        Set<String> keys = new TreeSet<>();
        try (ResultSet rs = metaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (rs.next()) {
                keys.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "." + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                        + " ON DELETE " + deleteRule(rs.getShort("DELETE_RULE")));
            }
        }
        return keys;
    }

    /** Index names of a table (unique ones included), lower case. */
    public Set<String> indexes(String table) throws SQLException {
        return indexes(table, false);
    }

    public Set<String> uniqueIndexes(String table) throws SQLException {
        return indexes(table, true);
    }

    /**
     * The indexes a migration created by name with {@code CREATE INDEX idx_...}. Primary keys and unique constraints
     * are left out: SQLite names those itself ({@code sqlite_autoindex_<table>_N}).
     */
    public Set<String> lookupIndexes(String table) throws SQLException {
        Set<String> names = new TreeSet<>(indexes(table));
        names.removeIf(name -> !name.startsWith("idx_"));
        return names;
    }

    private Set<String> indexes(String table, boolean uniqueOnly) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = metaData().getIndexInfo(connection.getCatalog(), connection.getSchema(), table, uniqueOnly, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                // sqlite-jdbc ignores the unique-only flag, so the row's own flag decides.
                if (name != null && !(uniqueOnly && rs.getBoolean("NON_UNIQUE"))) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private DatabaseMetaData metaData() throws SQLException {
        return connection.getMetaData();
    }

    private static String deleteRule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }
}
