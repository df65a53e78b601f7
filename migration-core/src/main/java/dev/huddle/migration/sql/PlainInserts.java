package dev.huddle.migration.sql;

/**
 * Recognises a plain {@code INSERT INTO name [(columns)] VALUES (...)[, (...)]...} and counts its rows: a statement
 * that, if it succeeds, changes exactly that many rows, so that a count of changed rows says how many such statements
 * completed. Anything else answers 0: a conflict clause ({@code INSERT OR ...}, {@code ON CONFLICT}), {@code RETURNING},
 * {@code SELECT} or {@code DEFAULT VALUES}, a schema-qualified or {@code sqlite_} table, an alias, or a shape this
 * reader does not follow. Reads the script's text in place, skipping the spans the scanner blanked (comments and string
 * literals), without copying the statement.
 */
final class PlainInserts {
    private final String sql;
    private final BlankedSpans blanked;
    private final int end;
    /** The index in {@link #blanked} of the first span ending after the read position. */
    private int span;
    private int at;

    private PlainInserts(String sql, BlankedSpans blanked, int start, int end) {
        this.sql = sql;
        this.blanked = blanked;
        this.end = end;
        this.at = start;
        this.span = blanked.firstEndingAfter(start);
    }

    /** The rows the statement inserts when it is a plain multi-row {@code INSERT ... VALUES}, else 0. */
    static int rows(String sql, BlankedSpans blanked, ScriptStatement statement) {
        if (!statement.startsWith("INSERT", "INTO")) {
            return 0;
        }
        return new PlainInserts(sql, blanked, statement.start(), statement.end()).read();
    }

    private int read() {
        if (!word("INSERT") || !word("INTO")) {
            return 0;
        }
        int nameStart = skipSpace();
        boolean quoted = nameStart < end && "\"`[".indexOf(sql.charAt(nameStart)) >= 0;
        if (!name() || regionIs(quoted ? nameStart + 1 : nameStart, "SQLITE_")) {
            return 0;
        }
        skipSpace();
        if (at < end && sql.charAt(at) == '(' && !group()) {
            return 0;
        }
        if (!word("VALUES")) {
            return 0;
        }
        int rows = 0;
        while (true) {
            skipSpace();
            if (at >= end || sql.charAt(at) != '(' || !group()) {
                return 0;
            }
            rows++;
            skipSpace();
            if (at >= end) {
                return rows;
            }
            if (sql.charAt(at) != ',') {
                return 0;
            }
            at++;
        }
    }

    /** Skips blanks, comments and string literals; returns where the next code starts. */
    private int skipSpace() {
        while (at < end) {
            int blankEnd = blankedUntil(at);
            if (blankEnd > at) {
                at = blankEnd;
            } else if (Character.isWhitespace(sql.charAt(at))) {
                at++;
            } else {
                break;
            }
        }
        return at;
    }

    /** The end of the blanked span holding {@code offset}, or {@code offset} when it is code. */
    private int blankedUntil(int offset) {
        while (span < blanked.spanCount() && blanked.spanEnd(span) <= offset) {
            span++;
        }
        return span < blanked.spanCount() && blanked.spanStart(span) <= offset ? blanked.spanEnd(span) : offset;
    }

    /** The keyword, as a whole word, next. */
    private boolean word(String upperCase) {
        int from = skipSpace();
        int to = wordEnd(from);
        if (to - from != upperCase.length() || !regionIs(from, upperCase)) {
            return false;
        }
        at = to;
        return true;
    }

    /** A table name, bare or quoted, not followed by a dot. */
    private boolean name() {
        if (at >= end) {
            return false;
        }
        char c = sql.charAt(at);
        if (c == '"' || c == '`' || c == '[') {
            if (!quotedName()) {
                return false;
            }
        } else {
            int to = wordEnd(at);
            if (to == at) {
                return false;
            }
            at = to;
        }
        skipSpace();
        return at >= end || sql.charAt(at) != '.';
    }

    private boolean quotedName() {
        char close = sql.charAt(at) == '[' ? ']' : sql.charAt(at);
        int j = at + 1;
        while (j < end) {
            if (sql.charAt(j) == close) {
                if (close != ']' && j + 1 < end && sql.charAt(j + 1) == close) {
                    j += 2;
                    continue;
                }
                at = j + 1;
                return true;
            }
            j++;
        }
        return false;
    }

    /** A parenthesised group from its {@code (} to its matching {@code )}, with quoted names and literals inside. */
    private boolean group() {
        int depth = 0;
        while (at < end) {
            int blankEnd = blankedUntil(at);
            if (blankEnd > at) {
                at = blankEnd;
                continue;
            }
            char c = sql.charAt(at);
            if (c == '"' || c == '`' || c == '[') {
                if (!quotedName()) {
                    return false;
                }
                continue;
            }
            at++;
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    private int wordEnd(int from) {
        int to = from;
        while (to < end && (Character.isLetterOrDigit(sql.charAt(to)) || sql.charAt(to) == '_' || sql.charAt(to) == '$')) {
            to++;
        }
        return to;
    }

    private boolean regionIs(int from, String upperCase) {
        return sql.regionMatches(true, from, upperCase, 0, upperCase.length());
    }
}
