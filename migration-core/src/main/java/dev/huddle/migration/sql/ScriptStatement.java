package dev.huddle.migration.sql;

import dev.huddle.migration.discover.DecodedText;

import java.util.List;

/**
 * One statement of a script as {@link SqlScanner} found it: where it is and its first words. Its text is cut from the
 * script only when asked for, so a script of a million statements is not held twice while it runs.
 */
public final class ScriptStatement {
    private final DecodedText script;
    private final int line;
    private final int start;
    private final int end;
    private final List<String> keywords;
    private final CopyData copyData;
    private final boolean mentionsReturning;
    private final int plainInsertRows;

    ScriptStatement(DecodedText script, int line, int start, int end, List<String> keywords, CopyData copyData, boolean mentionsReturning,
                    int plainInsertRows) {
        this.script = script;
        this.line = line;
        this.start = start;
        this.end = end;
        this.keywords = List.copyOf(keywords);
        this.copyData = copyData;
        this.mentionsReturning = mentionsReturning;
        this.plainInsertRows = plainInsertRows;
    }

    /** The 1-based line of its first character. */
    public int line() {
        return line;
    }

    /** Offset of its first character in the script (comments before it are not part of it). */
    public int start() {
        return start;
    }

    /** Offset just past its last character of code: the terminating {@code ;} and any comment after the last code are left out. */
    public int end() {
        return end;
    }

    /** The script's text from {@link #start} to {@link #end}, exactly as written; a new string at every call. */
    public String sql() {
        return script.substring(start, end);
    }

    /**
     * Its first words of code, upper-cased, at most {@link SqlScanner#KEYWORD_COUNT}; punctuation and quoted names are
     * skipped, so {@code PRAGMA main.journal_mode} gives {@code PRAGMA, MAIN, JOURNAL_MODE}.
     */
    public List<String> keywords() {
        return keywords;
    }

    /** The inline data of a PostgreSQL {@code COPY ... FROM stdin}, or null. */
    public CopyData copyData() {
        return copyData;
    }

    /**
     * Whether the word {@code RETURNING} is part of its code: not inside a string, comment, quoted name or
     * dollar-quoted body, where it returns nothing.
     */
    public boolean mentionsReturning() {
        return mentionsReturning;
    }

    /**
     * How many rows the statement inserts if it succeeds, when it is a SQLite plain {@code INSERT INTO name [(columns)]
     * VALUES (...)[, (...)]...} (no conflict clause, {@code RETURNING}, schema or {@code sqlite_} table); 0 for any
     * other statement, and on PostgreSQL. Triggers and a table's own conflict clauses can still change what it does: the
     * caller rules those out on the database.
     */
    public int plainInsertRows() {
        return plainInsertRows;
    }

    /** Whether the statement's first keywords are these words, in order (upper-case). */
    public boolean startsWith(String... words) {
        if (words.length > keywords.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!keywords.get(i).equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** The keyword at {@code index}, or the empty string when the statement has fewer words. */
    public String keyword(int index) {
        return index < keywords.size() ? keywords.get(index) : "";
    }

    @Override
    public String toString() {
        return "line " + line + ": " + sql();
    }

    /**
     * The lines psql would send to the server after {@code COPY ... FROM stdin}: everything from the line after the
     * statement up to the line {@code \.}, which is not part of it.
     *
     * @param line       the 1-based line the data starts on
     * @param start      offset of its first character
     * @param end        offset just past its last line's line ending (where the {@code \.} line starts)
     * @param text       the data, as a driver's copy API takes it
     * @param terminated false when the script ended before a {@code \.} line
     */
    public record CopyData(int line, int start, int end, String text, boolean terminated) {
    }
}
