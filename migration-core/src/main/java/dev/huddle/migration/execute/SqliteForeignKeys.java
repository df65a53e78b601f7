package dev.huddle.migration.execute;

import dev.huddle.migration.sql.ScannedScript;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's foreign keys around a transaction that drops tables. With enforcement on, {@code DROP TABLE} deletes the
 * table's rows first, and {@code ON DELETE CASCADE} takes every child row with them: the standard table rebuild
 * (create the new table, copy, drop the old one, rename) would silently empty the children. SQLite ignores
 * {@code PRAGMA foreign_keys} inside a transaction, so enforcement goes off before the transaction begins, and
 * {@code PRAGMA foreign_key_check} must find nothing before it commits (SQLite's own procedure for schema changes,
 * which Django's schema editor follows too).
 *
 * <p>Only transactions that drop a table turn enforcement off: elsewhere a script's {@code DELETE} cascades as its
 * author expects.
 */
final class SqliteForeignKeys {
    /** How many violating rows a refusal names; the count covers the rest. */
    private static final int NAMED_ROWS = 10;

    private SqliteForeignKeys() {
    }

    /** Whether a script drops a table, which with enforcement on would cascade to the table's children. */
    static boolean dropsTables(ScannedScript script) {
        return script.statements().stream().anyMatch(statement -> statement.startsWith("DROP", "TABLE"));
    }

    /** Turns enforcement on or off; only outside a transaction, where SQLite honours it. */
    static void enforce(Connection connection, boolean on) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
    }

    /**
     * Every row that references a missing parent, as {@code child rowid 3 -> parent}; empty when the schema change
     * kept every reference whole.
     */
    static List<String> violations(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (result.next()) {
                rows.add(result.getString(1) + " rowid " + result.getString(2) + " -> " + result.getString(3));
            }
        }
        return rows;
    }

    /** The refusal's text: what was found, the first rows, and what to do. */
    static String describe(List<String> violations, String scripts) {
        StringBuilder message = new StringBuilder().append(violations.size())
                .append(violations.size() == 1 ? " row references" : " rows reference")
                .append(" a parent row that no longer exists after ").append(scripts).append(": ")
                .append(String.join(", ", violations.subList(0, Math.min(NAMED_ROWS, violations.size()))));
        if (violations.size() > NAMED_ROWS) {
            message.append(", ...");
        }
        return message.append(". Foreign-key enforcement was off while tables were dropped, so nothing cascaded; the "
                + "transaction was rolled back, so no row was lost. Make the script keep every referenced row (copy the "
                + "parent's rows, ids included, before dropping it), or delete or re-point the children first.").toString();
    }
}
