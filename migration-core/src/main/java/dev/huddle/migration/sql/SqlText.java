package dev.huddle.migration.sql;

import dev.huddle.migration.discover.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small text helpers for scanning SQL without a full parser. Comments and strings are recognised by {@link SqlScanner}
 * (PostgreSQL's rules, the wider of the two dialects: nested comments, {@code E'...'} and dollar quoting), so every
 * check reads SQL one way.
 */
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
        return SqlScanner.scan(Dialect.POSTGRESQL, sql).isEmpty();
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
     * match inside them nor shift line numbers: {@link ScannedScript#code}.
     */
    public static String blankCommentsAndStrings(String sql) {
        return SqlScanner.scan(Dialect.POSTGRESQL, sql).code();
    }
}
