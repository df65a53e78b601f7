package dev.huddle.migration.sql;

/**
 * Follows a SQLite statement's tokens as {@link SqlScanner} reads them, to tell whether it is a plain
 * {@code INSERT INTO name [(columns)] VALUES (...)[, (...)]...} and how many rows it inserts: a statement that, if it
 * succeeds, changes exactly that many rows, so that a count of changed rows says how many such statements completed.
 * Anything else counts 0 rows: a conflict clause ({@code INSERT OR ...}, {@code REPLACE}, {@code ON CONFLICT}),
 * {@code RETURNING}, {@code SELECT} or {@code DEFAULT VALUES}, a schema-qualified or {@code sqlite_} table, an alias,
 * or a token this reader does not expect. Fed during the scanner's one pass, it costs a comparison or two per token.
 */
final class InsertShape {
    private static final int NONE = 0;
    private static final int EXPECT_INSERT = 1;
    private static final int EXPECT_INTO = 2;
    private static final int EXPECT_NAME = 3;
    private static final int AFTER_NAME = 4;
    private static final int IN_COLUMNS = 5;
    private static final int EXPECT_VALUES = 6;
    private static final int EXPECT_ROW = 7;
    private static final int IN_ROW = 8;
    private static final int AFTER_ROW = 9;

    private int state;
    private int depth;
    private int rows;

    /** A statement begins. */
    void reset() {
        state = EXPECT_INSERT;
        depth = 0;
        rows = 0;
    }

    /** The rows of the statement read since {@link #reset}, or 0 when it is not a plain INSERT. */
    int rows() {
        return state == AFTER_ROW ? rows : 0;
    }

    /** A word of code, {@code text[from..to)}. */
    void word(char[] text, int from, int to) {
        switch (state) {
            case IN_COLUMNS, IN_ROW, NONE -> {
                // Inside parentheses any word may appear; after a mismatch nothing matters.
            }
            case EXPECT_INSERT -> state = is(text, from, to, "INSERT") ? EXPECT_INTO : NONE;
            case EXPECT_INTO -> state = is(text, from, to, "INTO") ? EXPECT_NAME : NONE;
            case EXPECT_NAME -> state = startsWithSqlite(text, from, to) ? NONE : AFTER_NAME;
            case AFTER_NAME, EXPECT_VALUES -> state = is(text, from, to, "VALUES") ? EXPECT_ROW : NONE;
            default -> state = NONE;
        }
    }

    /** A quoted name, {@code text[open..end)} with its quotes. */
    void quotedName(char[] text, int open, int end) {
        if (state == EXPECT_NAME) {
            state = startsWithSqlite(text, open + 1, end) ? NONE : AFTER_NAME;
        } else if (state != IN_COLUMNS && state != IN_ROW) {
            state = NONE;
        }
    }

    /** A string literal or a number. */
    void literal() {
        if (state != IN_COLUMNS && state != IN_ROW) {
            state = NONE;
        }
    }

    /** Any other character of code. */
    void punctuation(char c) {
        if (state == IN_COLUMNS || state == IN_ROW) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                if (state == IN_ROW) {
                    rows++;
                    state = AFTER_ROW;
                } else {
                    state = EXPECT_VALUES;
                }
            }
        } else if (c == '(' && (state == AFTER_NAME || state == EXPECT_ROW)) {
            state = state == AFTER_NAME ? IN_COLUMNS : IN_ROW;
            depth = 1;
        } else if (c == ',' && state == AFTER_ROW) {
            state = EXPECT_ROW;
        } else {
            state = NONE;
        }
    }

    private static boolean is(char[] text, int from, int to, String upperCase) {
        return to - from == upperCase.length() && AsciiKeywords.matches(text, from, upperCase);
    }

    private static boolean startsWithSqlite(char[] text, int from, int to) {
        return to - from >= 7 && is(text, from, from + 7, "SQLITE_");
    }
}
