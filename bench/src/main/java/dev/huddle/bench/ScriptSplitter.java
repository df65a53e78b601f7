package dev.huddle.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A light statement splitter, one pass over the text, to show what splitting costs without Flyway's parser: it knows
 * quoted strings and identifiers, line and (nested) block comments, PostgreSQL dollar quotes and SQLite's
 * {@code CREATE TRIGGER ... BEGIN ... END;}. It is a measurement tool, not a full SQL lexer (no {@code E'\''} escapes,
 * no {@code BEGIN ATOMIC} bodies).
 */
final class ScriptSplitter {
    /**
     * One statement: its text (leading comments included, the final semicolon excluded), where it starts in the
     * script (the first character after the previous statement's semicolon), and the 1-based line of its first
     * character that is neither blank nor comment.
     */
    record Piece(String sql, int start, int end, int line) {
    }

    private ScriptSplitter() {
    }

    static List<Piece> split(String sql, boolean sqlite) {
        List<Piece> pieces = new ArrayList<>(Math.max(16, sql.length() / 120));
        int length = sql.length();
        int start = 0;
        int line = 1;
        int firstLine = -1;
        int firstIndex = -1;
        boolean trigger = false;
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < length && depth > 0) {
                    char d = sql.charAt(i);
                    if (d == '\n') {
                        line++;
                    } else if (d == '*' && i + 1 < length && sql.charAt(i + 1) == '/') {
                        depth--;
                        i++;
                    } else if (!sqlite && d == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                        depth++;
                        i++;
                    }
                    i++;
                }
                continue;
            }
            if (firstIndex < 0) {
                firstIndex = i;
                firstLine = line;
                trigger = sqlite && startsTrigger(sql, i);
            }
            if (c == '\'' || c == '"' || (sqlite && c == '`')) {
                i++;
                while (i < length) {
                    char d = sql.charAt(i);
                    if (d == '\n') {
                        line++;
                    }
                    i++;
                    if (d == c) {
                        if (i < length && sql.charAt(i) == c) {
                            i++;
                        } else {
                            break;
                        }
                    }
                }
                continue;
            }
            if (c == '$' && !sqlite) {
                int tagEnd = dollarTagEnd(sql, i);
                if (tagEnd > 0) {
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    int stop = close < 0 ? length : close + tag.length();
                    for (int k = tagEnd; k < stop; k++) {
                        if (sql.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    i = stop;
                    continue;
                }
            }
            if (c == ';' && (!trigger || endsWithEnd(sql, firstIndex, i))) {
                pieces.add(new Piece(sql.substring(start, i), start, i, firstLine));
                start = i + 1;
                firstIndex = -1;
                trigger = false;
            }
            i++;
        }
        if (firstIndex >= 0) {
            pieces.add(new Piece(sql.substring(start), start, length, firstLine));
        }
        return pieces;
    }

    /** The index after a dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code i}, or -1. */
    private static int dollarTagEnd(String sql, int i) {
        int k = i + 1;
        while (k < sql.length()) {
            char d = sql.charAt(k);
            if (d == '$') {
                return k + 1;
            }
            if (!(Character.isLetter(d) || d == '_' || (k > i + 1 && Character.isDigit(d)))) {
                return -1;
            }
            k++;
        }
        return -1;
    }

    private static boolean startsTrigger(String sql, int i) {
        String head = sql.substring(i, Math.min(sql.length(), i + 40)).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        return head.startsWith("create trigger") || head.startsWith("create temp trigger") || head.startsWith("create temporary trigger");
    }

    /** Whether the last word before the semicolon at {@code semicolon} is END (a trigger body's end). */
    private static boolean endsWithEnd(String sql, int from, int semicolon) {
        int k = semicolon - 1;
        while (k >= from && Character.isWhitespace(sql.charAt(k))) {
            k--;
        }
        return k - 2 >= from && sql.regionMatches(true, k - 2, "end", 0, 3) && (k - 3 < from || !Character.isLetterOrDigit(sql.charAt(k - 3)));
    }

    /** The index of the piece that holds 0-based character {@code offset}, or -1. */
    static int pieceAt(List<Piece> pieces, int offset) {
        int low = 0;
        int high = pieces.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Piece piece = pieces.get(middle);
            if (offset < piece.start()) {
                high = middle - 1;
            } else if (offset > piece.end()) {
                low = middle + 1;
            } else {
                return middle;
            }
        }
        return -1;
    }
}
