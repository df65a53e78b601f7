package dev.huddle.migration.schema;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collation each column of a SQLite table declares ({@code name TEXT COLLATE NOCASE}), read from the table's stored
 * SQL: no pragma reports it. Only the column definition's own clause counts, never one inside a CHECK, a default's
 * parentheses, a string or a comment. {@code BINARY}, SQLite's default, is no collation.
 */
final class SqliteColumnCollations {
    private static final Pattern COLLATE = Pattern.compile("(?i)\\bCOLLATE\\s+");
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile("(?i)^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\\b");

    private SqliteColumnCollations() {
    }

    /** Column name to collation name in upper case (SQLite reads both without regard to case), for columns that declare one. */
    static Map<String, String> of(String createTable) {
        Map<String, String> collations = new HashMap<>();
        if (createTable == null) {
            return collations;
        }
        String masked = masked(createTable);
        int open = masked.indexOf('(');
        if (open < 0) {
            return collations;
        }
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0 || c == ',' && depth == 1) {
                column(createTable, masked, start, i, collations);
                start = i + 1;
                if (depth == 0) {
                    break;
                }
            }
        }
        return collations;
    }

    private static void column(String sql, String masked, int start, int end, Map<String, String> collations) {
        String definition = masked.substring(start, end);
        int lead = definition.length() - definition.stripLeading().length();
        if (definition.isBlank() || TABLE_CONSTRAINT.matcher(definition.stripLeading()).find()) {
            return;
        }
        String original = sql.substring(start + lead, end);
        String shape = definition.substring(lead);
        int nameEnd = shape.indexOf(' ') < 0 ? shape.length() : shape.indexOf(' ');
        String name = unquoted(original.substring(0, nameEnd));
        Matcher collate = COLLATE.matcher(shape);
        if (collate.find(nameEnd)) {
            int nameStart = collate.end();
            int stop = nameStart;
            while (stop < shape.length() && !Character.isWhitespace(shape.charAt(stop)) && shape.charAt(stop) != '(') {
                stop++;
            }
            String collation = unquoted(original.substring(nameStart, stop)).toUpperCase(Locale.ROOT);
            if (!collation.equals("BINARY")) {
                collations.put(name, collation);
            }
        }
    }

    /**
     * The text with the inside of every string, quoted name, bracketed part and comment blanked (same length, same
     * positions), and nested parentheses kept, so commas and keywords are found only where they mean something.
     */
    private static String masked(String sql) {
        StringBuilder out = new StringBuilder(sql);
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char close = switch (c) {
                case '\'', '"', '`' -> c;
                case '[' -> ']';
                default -> 0;
            };
            if (close != 0) {
                int end = sql.indexOf(close, i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                for (int j = i + 1; j < end; j++) {
                    out.setCharAt(j, 'x');
                }
                i = end;
            } else if (c == '-' && sql.startsWith("--", i) || c == '/' && sql.startsWith("/*", i)) {
                int end = c == '-' ? sql.indexOf('\n', i) : sql.indexOf("*/", i);
                end = end < 0 ? sql.length() : end + (c == '-' ? 0 : 2);
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end - 1;
            } else if (Character.isWhitespace(c)) {
                out.setCharAt(i, ' ');
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth > 1) {
                // Inside a CHECK's or a default's parentheses: nothing there is the column's own clause.
                out.setCharAt(i, '.');
            }
        }
        return out.toString();
    }

    private static String unquoted(String name) {
        String stripped = name.strip();
        if (stripped.length() >= 2 && "\"`['".indexOf(stripped.charAt(0)) >= 0) {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
