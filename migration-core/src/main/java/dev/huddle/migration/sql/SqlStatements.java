package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into the statements an executor runs one by one (a script outside a transaction, a failure being
 * located, a down script), with {@link SqlScanner}: the same reading of SQL that planning checked.
 */
public final class SqlStatements {
    /** One statement of a script, the line it starts on, and whether it may run inside a transaction. */
    public record Statement(int line, String sql, boolean transactional) {
    }

    private SqlStatements() {
    }

    /** The script's statements in order; {@code fileName} is kept for callers that name the script. */
    public static List<Statement> split(Dialect dialect, String fileName, String sql) {
        ScannedScript scanned = SqlScanner.scan(dialect, sql);
        List<Statement> statements = new ArrayList<>(scanned.statements().size());
        for (ScriptStatement statement : scanned.statements()) {
            statements.add(new Statement(statement.line(), statement.sql(), !StatementClassifier.cannotRunInTransaction(scanned, statement)));
        }
        return statements;
    }
}
