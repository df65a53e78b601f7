package dev.huddle.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers for scanning SQL without a full parser. */
public final class SqlText {
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bCREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP(?:ORARY)?\\s+|UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?:[\\w$]+\\s*\\.\\s*)?\"?([\\w$]+)\"?", Pattern.CASE_INSENSITIVE);

    private SqlText() {
    }

    /** A statement as people quote it: the comment lines a parser keeps in front of it removed. */
    public static String withoutLeadingComments(String statement) {
        String code = blankCommentsAndStrings(statement);
        int start = 0;
        while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        return statement.substring(start).strip();
    }

    /** Splits at commas outside parentheses: the actions of one ALTER TABLE, say, with numeric(10,2) kept whole. */
    public static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** Whether a script holds no statement at all: nothing but comments, blanks and semicolons. */
    public static boolean isEmpty(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == ';' || Character.isWhitespace(c)) {
                i++;
            } else {
                // Stops at the first code: a script's first statement usually follows a few comment lines.
                return false;
            }
        }
        return true;
    }

    /** Lower-case names of the tables a script creates. */
    public static Set<String> createdTables(String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher matcher = CREATE_TABLE.matcher(blankCommentsAndStrings(sql));
        while (matcher.find()) {
            tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    /** Whether the script's code (comments and strings aside) names the table as a whole word. */
    public static boolean mentions(String sql, String table) {
        return Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(table) + "\"?(?![\\w$])", Pattern.CASE_INSENSITIVE)
                .matcher(blankCommentsAndStrings(sql)).find();
    }

    /**
     * The same text with comments and string literals replaced by spaces (newlines kept), so keyword scans neither
     * match inside them nor shift line numbers.
     */
    public static String blankCommentsAndStrings(String sql) {
        char[] out = sql.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c == '-' && i + 1 < out.length && out[i + 1] == '-') {
                while (i < out.length && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                int end = sql.indexOf("*/", i + 2);
                int stop = end < 0 ? out.length : end + 2;
                blank(out, i, stop);
                i = stop;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < out.length && !(out[j] == '\'' && (j + 1 >= out.length || out[j + 1] != '\''))) {
                    j += out[j] == '\'' ? 2 : 1;
                }
                int stop = Math.min(j + 1, out.length);
                blank(out, i, stop);
                i = stop;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** The 1-based line number of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void blank(char[] chars, int from, int to) {
        for (int k = from; k < to; k++) {
            if (chars[k] != '\n') {
                chars[k] = ' ';
            }
        }
    }
}
