package dev.huddle.migration.sql;

import java.util.List;

/**
 * One statement of a script as {@link SqlScanner} found it.
 *
 * @param line     the 1-based line of its first character
 * @param start    offset of its first character in the script (comments before it are not part of it)
 * @param end      offset just past its last character of code: the terminating {@code ;} and any comment after the
 *                 last code are left out
 * @param sql      the script's text from {@code start} to {@code end}, exactly as written
 * @param keywords its first words of code, upper-cased, at most {@link SqlScanner#KEYWORD_COUNT}; punctuation and
 *                 quoted names are skipped, so {@code PRAGMA main.journal_mode} gives {@code PRAGMA, MAIN, JOURNAL_MODE}
 * @param copyData the inline data of a PostgreSQL {@code COPY ... FROM stdin}, or null
 */
public record ScriptStatement(int line, int start, int end, String sql, List<String> keywords, CopyData copyData) {

    public ScriptStatement {
        keywords = List.copyOf(keywords);
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
