package dev.huddle.testsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-value queries for assertions. */
public final class Queries {
    private Queries() {
    }

    /** The first column of the first row, as text; fails when the query returns no row. */
    public static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("No row from: " + sql);
            }
            return rows.getString(1);
        }
    }

    /** A count or other whole number from the first column of the first row. */
    public static long count(Statement statement, String sql) throws SQLException {
        return Long.parseLong(text(statement, sql));
    }
}
