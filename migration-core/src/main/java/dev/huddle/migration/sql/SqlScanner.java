package dev.huddle.migration.sql;

import dev.huddle.migration.discover.DecodedText;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript.ClientCommand;
import dev.huddle.migration.sql.ScannedScript.Unterminated;
import dev.huddle.migration.sql.ScriptStatement.CopyData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a script into statements in one pass, front to back, as the dialect's own client would: psql for
 * PostgreSQL, sqlite3 for SQLite. Every character is looked at a bounded number of times and no regular expression
 * runs, so a script of hundreds of thousands of statements splits in a fraction of a second.
 *
 * <p>A {@code ;} ends a statement unless it is inside a comment ({@code --}, {@code /* *}{@code /}, nested on
 * PostgreSQL), a string ({@code '...'} with {@code ''}; PostgreSQL's {@code E'...'} with backslash escapes), a quoted
 * name ({@code "..."}; SQLite's {@code `...`} and {@code [...]}), a PostgreSQL dollar-quoted body ({@code $$},
 * {@code $tag$}), parentheses (PostgreSQL), or the {@code BEGIN ... END} body of a PostgreSQL
 * {@code CREATE FUNCTION|PROCEDURE ... BEGIN ATOMIC} or a SQLite {@code CREATE TRIGGER}, where {@code CASE ... END}
 * nests. The data lines after a PostgreSQL {@code COPY ... FROM stdin;}, up to the line {@code \.}, belong to that
 * statement. A statement the script ends without a {@code ;} is still a statement.
 *
 * <p>Longer than most files on purpose: it is one state machine, and splitting its states across files would hide how
 * they hand over to each other.
 */
public final class SqlScanner {
    /** How many leading words of each statement are kept in {@link ScriptStatement#keywords()}. */
    public static final int KEYWORD_COUNT = 4;
    /** U+FEFF, which an editor may put at the start of a UTF-8 file; psql, and Flyway's checksum, skip it there. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';


    private static final int ASCII = 0x80;
    /**
     * Which ASCII characters start and continue a word, looked up rather than tested: the scan asks for every character
     * of every word, and a table read is cheaper than the chain of comparisons for the client compiler.
     */
    private static final boolean[] ASCII_WORD_START = asciiWordChars("_");
    private static final boolean[] ASCII_WORD_PART = asciiWordChars("_$0123456789");

    private final Dialect dialect;
    private final boolean postgres;
    /** The script's text, made a string only if a caller asks for all of it; statements cut theirs from it. */
    private final DecodedText source;
    private final byte[] utf8;
    private final int utf8Start;
    /**
     * The script's characters in an array: the scan reads every one of them, and an array read is several times
     * cheaper than {@code String.charAt} for the client compiler the runner starts with. A file's is the array its
     * decode built the text from; a text given as text is copied once. Only read up to {@link #length}.
     */
    private final char[] text;
    private final StrayCharacters strayCharacters;
    private final int length;
    private final BlankedSpans blanked = new BlankedSpans();
    private final List<ScriptStatement> statements = new ArrayList<>();
    private final List<ClientCommand> clientCommands = new ArrayList<>();
    /** SQLite only: whether the statement being read is a plain INSERT, and its rows. */
    private final InsertShape insertShape;
    private Unterminated unterminated;
    private int[] lineStarts = new int[256];
    private int lines = 1;

    // The statement being read: start is -1 between statements.
    private int start = -1;
    private int startLine;
    private int lastCodeEnd;
    private final List<String> keywords = new ArrayList<>(KEYWORD_COUNT);
    /** The previous statement's keywords: a big script repeats them, and reusing them spares most allocations. */
    private List<String> previousKeywords = List.of();
    private int blockDepth;
    private int parenDepth;
    private boolean afterFrom;
    private boolean fromStdin;
    private boolean returning;

    private SqlScanner(Dialect dialect, DecodedText decoded, byte[] utf8, int utf8Start) {
        this.dialect = dialect;
        this.postgres = dialect == Dialect.POSTGRESQL;
        this.strayCharacters = StrayCharacters.in(decoded);
        // A text given as text is copied to an array once: an array read is several times cheaper than String.charAt.
        this.source = decoded.hasChars() ? decoded : new DecodedText(decoded.text(), decoded.text().toCharArray(),
                strayCharacters.firstNul(), strayCharacters.firstByteOrderMark());
        this.utf8 = utf8;
        this.utf8Start = utf8Start;
        this.text = source.chars();
        this.length = source.length();
        this.insertShape = postgres ? null : new InsertShape();
    }

    /** Reads the script once; never fails, whatever the text: what it could not close is in {@link ScannedScript#unterminated}. */
    public static ScannedScript scan(Dialect dialect, String sql) {
        return new SqlScanner(dialect, DecodedText.of(sql), null, 0).run();
    }

    /**
     * As {@link #scan(Dialect, String)}, keeping the UTF-8 bytes the text was decoded from, so that what runs can be cut
     * from them ({@link ScannedScript#utf8Slicer}) instead of encoded again.
     *
     * @param utf8      the file's bytes, whose decoding from {@code utf8Start} on is {@code sql}
     * @param utf8Start where {@code sql}'s first character begins in {@code utf8} (past a leading byte-order mark)
     */
    public static ScannedScript scan(Dialect dialect, String sql, byte[] utf8, int utf8Start) {
        return scan(dialect, DecodedText.of(sql), utf8, utf8Start);
    }

    /**
     * As {@link #scan(Dialect, String, byte[], int)}, reading a decoded file's characters in place.
     *
     * @param utf8 the file's bytes, or null when what runs need not be cut from them
     */
    public static ScannedScript scan(Dialect dialect, DecodedText decoded, byte[] utf8, int utf8Start) {
        return new SqlScanner(dialect, decoded, utf8, utf8Start).run();
    }

    private ScannedScript run() {
        int i = length > 0 && text[0] == BYTE_ORDER_MARK ? 1 : 0;
        blanked.add(0, i);
        while (i < length) {
            i = step(i);
        }
        if (start >= 0) {
            if (blockDepth > 0) {
                unterminated(startLine, "BEGIN ... END block");
            } else if (parenDepth > 0) {
                unterminated(startLine, "parenthesis");
            }
            endStatement(length);
        }
        return new ScannedScript(dialect, source, statements, blanked.sorted(), clientCommands, unterminated,
                Arrays.copyOf(lineStarts, lines), utf8, utf8Start, strayCharacters);
    }

    /** Reads what starts at {@code i}; returns where the next thing starts. */
    private int step(int i) {
        char c = text[i];
        if (c == '\n') {
            newline(i + 1);
            return i + 1;
        }
        if (c == ' ' || c == '\t' || c == '\r' || (c > ' ' ? c > '~' && Character.isWhitespace(c) : c != 0)) {
            return i + 1;
        }
        char next = i + 1 < length ? text[i + 1] : 0;
        if (c == '-' && next == '-') {
            return lineComment(i, length);
        }
        if (c == '/' && next == '*') {
            return blockComment(i, length, true);
        }
        if (c == '\\' && postgres || c == '.' && !postgres && start < 0 && firstOnLine(i)) {
            return clientCommand(i);
        }
        if (c == ';') {
            if (start < 0) {
                return i + 1;
            }
            if (blockDepth == 0 && parenDepth == 0) {
                return endStatement(i);
            }
            lastCodeEnd = i + 1;
            return i + 1;
        }
        if (start < 0) {
            beginStatement(i);
        }
        int end;
        if (c == '\'') {
            end = string(i, i, false, length, true);
            if (insertShape != null) {
                insertShape.literal();
            }
        } else if (c == '"') {
            end = quotedName(i, '"');
        } else if (!postgres && (c == '`' || c == '[')) {
            end = quotedName(i, c == '[' ? ']' : '`');
        } else if (c == '$' && postgres) {
            end = dollarQuoted(i);
        } else if (isWordStart(c)) {
            end = word(i);
        } else if (c >= '0' && c <= '9') {
            end = i + 1;
            while (end < length && isWordPart(text[end])) {
                end++;
            }
            if (insertShape != null) {
                insertShape.literal();
            }
        } else {
            if (postgres && c == '(') {
                parenDepth++;
            } else if (postgres && c == ')' && parenDepth > 0) {
                parenDepth--;
            } else if (insertShape != null) {
                insertShape.punctuation(c);
            }
            end = i + 1;
        }
        lastCodeEnd = end;
        return end;
    }

    private void beginStatement(int i) {
        start = i;
        startLine = lines;
        keywords.clear();
        blockDepth = 0;
        parenDepth = 0;
        afterFrom = false;
        fromStdin = false;
        returning = false;
        if (insertShape != null) {
            insertShape.reset();
        }
    }

    /** Records the statement read so far; {@code terminator} is its {@code ;} or the script's end. */
    private int endStatement(int terminator) {
        int next = terminator + 1;
        CopyData data = null;
        if (fromStdin && terminator < length) {
            data = copyData(terminator + 1);
            next = data.terminated() ? data.end() + lineLength(data.end()) : length;
        }
        if (!sameAsPreviousKeywords()) {
            previousKeywords = List.copyOf(keywords);
        }
        statements.add(new ScriptStatement(source, startLine, start, lastCodeEnd, previousKeywords, data, returning,
                insertShape == null ? 0 : insertShape.rows()));
        start = -1;
        return next;
    }

    /** Whether this statement's keywords are the previous one's; {@link #keyword} hands back the same strings when they are. */
    private boolean sameAsPreviousKeywords() {
        if (keywords.size() != previousKeywords.size()) {
            return false;
        }
        for (int k = 0; k < keywords.size(); k++) {
            if (!keywords.get(k).equals(previousKeywords.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A word of code: kept as a keyword while the statement has few, counted when it opens or closes a body. */
    private int word(int i) {
        int end = i + 1;
        while (end < length && isWordPart(text[end])) {
            end++;
        }
        int size = end - i;
        if (postgres && size == 1 && end < length && text[end] == '\'' && (text[i] | 0x20) == 'e') {
            return string(end, i, true, length, true);
        }
        if (keywords.size() < KEYWORD_COUNT) {
            keywords.add(keyword(i, end));
        }
        if (size == 5 && is(i, "BEGIN") || size == 4 && is(i, "CASE")) {
            if (blockDepth > 0 || opensBody()) {
                blockDepth++;
            }
        } else if (size == 3 && blockDepth > 0 && is(i, "END")) {
            blockDepth--;
        } else if (size == 9 && is(i, "RETURNING")) {
            returning = true;
        }
        if (postgres && keywords.get(0).equals("COPY")) {
            if (afterFrom && size == 5 && is(i, "STDIN")) {
                fromStdin = true;
            }
            afterFrom = size == 4 && is(i, "FROM");
        }
        if (insertShape != null) {
            insertShape.word(text, i, end);
        }
        return end;
    }

    /** The word upper-cased, the previous statement's string reused when it is the same word. */
    private String keyword(int from, int to) {
        int index = keywords.size();
        if (index < previousKeywords.size()) {
            String previous = previousKeywords.get(index);
            if (previous.length() == to - from && AsciiKeywords.matches(text, from, previous)) {
                return previous;
            }
        }
        return source.substring(from, to).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a BEGIN or CASE here opens a body whose semicolons do not end the statement: a SQL-standard function
     * body ({@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC}) or a SQLite trigger's.
     */
    private boolean opensBody() {
        if (keywords.size() < 2 || !keywords.get(0).equals("CREATE")) {
            return false;
        }
        String second = keywords.get(1);
        String third = keywords.size() > 2 ? keywords.get(2) : "";
        if (postgres) {
            String routine = second.equals("OR") && third.equals("REPLACE") && keywords.size() > 3 ? keywords.get(3) : second;
            return routine.equals("FUNCTION") || routine.equals("PROCEDURE");
        }
        return second.equals("TRIGGER") || (second.equals("TEMP") || second.equals("TEMPORARY")) && third.equals("TRIGGER");
    }

    /**
     * A string literal whose quote is at {@code quote}; {@code from} is where it starts (its {@code E} prefix, if any).
     * Blanked in the code view.
     */
    private int string(int quote, int from, boolean backslashEscapes, int limit, boolean report) {
        int openedOn = lines;
        int j = quote + 1;
        while (j < limit) {
            char c = text[j];
            if (c == '\'') {
                if (j + 1 < limit && text[j + 1] == '\'') {
                    j += 2;
                    continue;
                }
                blanked.add(from, j + 1);
                return j + 1;
            }
            if (c == '\\' && backslashEscapes && j + 1 < limit) {
                j++;
                c = text[j];
            }
            if (c == '\n') {
                newline(j + 1);
            }
            j++;
        }
        if (report) {
            unterminated(openedOn, "string literal");
        }
        blanked.add(from, limit);
        return limit;
    }

    /** A quoted name, kept in the code view: a doubled closing quote is part of the name. */
    private int quotedName(int open, char close) {
        int openedOn = lines;
        int j = open + 1;
        while (j < length) {
            char c = text[j];
            if (c == close) {
                if (close != ']' && j + 1 < length && text[j + 1] == close) {
                    j += 2;
                    continue;
                }
                if (insertShape != null) {
                    insertShape.quotedName(text, open, j);
                }
                return j + 1;
            }
            if (c == '\n') {
                newline(j + 1);
            }
            j++;
        }
        unterminated(openedOn, "quoted name");
        return length;
    }

    /** {@code $tag$...$tag$}, or a lone {@code $} ({@code $1}, part of a name) that is plain code. */
    private int dollarQuoted(int dollar) {
        int tagEnd = dollarTagEnd(dollar, length);
        if (tagEnd < 0) {
            return dollar + 1;
        }
        int close = indexOf(dollar, tagEnd, tagEnd);
        int tagLength = tagEnd - dollar;
        if (close < 0) {
            unterminated(lines, "dollar-quoted body " + source.substring(dollar, tagEnd));
            blanked.add(dollar, tagEnd);
            blankLiterals(tagEnd, length);
            return length;
        }
        blanked.add(dollar, tagEnd);
        blankLiterals(tagEnd, close);
        blanked.add(close, close + tagLength);
        return close + tagLength;
    }

    /** The end of a dollar-quote tag opening at {@code dollar}, or -1 when the {@code $} opens none. */
    private int dollarTagEnd(int dollar, int limit) {
        if (dollar > 0 && isWordPart(text[dollar - 1])) {
            return -1;
        }
        int j = dollar + 1;
        if (j < limit && text[j] >= '0' && text[j] <= '9') {
            return -1;
        }
        while (j < limit && text[j] != '$' && isWordPart(text[j])) {
            j++;
        }
        return j < limit && text[j] == '$' ? j + 1 : -1;
    }

    /**
     * Inside a dollar-quoted body, blanks comments and strings and leaves the rest as code, counting lines. Nothing in
     * the body can end it early: its end was found first, as PostgreSQL finds it.
     */
    private void blankLiterals(int from, int to) {
        int i = from;
        while (i < to) {
            char c = text[i];
            char next = i + 1 < to ? text[i + 1] : 0;
            if (c == '\n') {
                newline(i + 1);
                i++;
            } else if (c == '-' && next == '-') {
                i = lineComment(i, to);
            } else if (c == '/' && next == '*') {
                i = blockComment(i, to, false);
            } else if (c == '\'') {
                boolean escapes = i > from && (text[i - 1] | 0x20) == 'e' && (i - 1 == from || !isWordPart(text[i - 2]));
                i = string(i, escapes ? i - 1 : i, escapes, to, false);
            } else if (c == '"') {
                int close = indexOf('"', i + 1);
                int end = close < 0 || close >= to ? to : close + 1;
                countLines(i, end);
                i = end;
            } else if (c == '$') {
                int tagEnd = dollarTagEnd(i, to);
                int close = tagEnd < 0 ? -1 : indexOf(i, tagEnd, tagEnd);
                if (close < 0 || close >= to) {
                    i++;
                } else {
                    blanked.add(i, tagEnd);
                    blankLiterals(tagEnd, close);
                    blanked.add(close, close + tagEnd - i);
                    i = close + tagEnd - i;
                }
            } else {
                i++;
            }
        }
    }

    private int lineComment(int from, int limit) {
        int end = from;
        while (end < limit && text[end] != '\n') {
            end++;
        }
        blanked.add(from, end);
        return end;
    }

    /** {@code /* ... *}{@code /}, nested on PostgreSQL; SQLite ends it at the first close (or the script's end). */
    private int blockComment(int from, int limit, boolean report) {
        int openedOn = lines;
        int depth = 1;
        int j = from + 2;
        while (j < limit && depth > 0) {
            char c = text[j];
            char next = j + 1 < limit ? text[j + 1] : 0;
            if (c == '*' && next == '/') {
                depth--;
                j += 2;
            } else if (postgres && c == '/' && next == '*') {
                depth++;
                j += 2;
            } else {
                if (c == '\n') {
                    newline(j + 1);
                }
                j++;
            }
        }
        if (depth > 0 && report && postgres) {
            unterminated(openedOn, "block comment");
        }
        blanked.add(from, j);
        return j;
    }

    /** A psql meta-command or sqlite3 dot-command: the rest of the line, never part of a statement. */
    private int clientCommand(int from) {
        int end = indexOf('\n', from);
        end = end < 0 ? length : end;
        clientCommands.add(new ClientCommand(lines, source.substring(from, end).strip()));
        blanked.add(from, end);
        return end;
    }

    /**
     * The lines after {@code COPY ... FROM stdin;} up to the line {@code \.}: psql sends them as the copy's data. The
     * rest of the statement's own line is not data.
     */
    private CopyData copyData(int afterSemicolon) {
        int lineEnd = indexOf('\n', afterSemicolon);
        if (lineEnd < 0) {
            unterminated(lines, "COPY data (no line \\. ends it)");
            return new CopyData(lines, length, length, "", false);
        }
        blanked.add(afterSemicolon, lineEnd);
        newline(lineEnd + 1);
        int dataStart = lineEnd + 1;
        int dataLine = lines;
        int lineStart = dataStart;
        while (lineStart < length) {
            int end = indexOf('\n', lineStart);
            end = end < 0 ? length : end;
            int content = end > lineStart && text[end - 1] == '\r' ? end - 1 : end;
            if (content - lineStart == 2 && text[lineStart] == '\\' && text[lineStart + 1] == '.') {
                blanked.add(dataStart, end);
                return new CopyData(dataLine, dataStart, lineStart, source.substring(dataStart, lineStart), true);
            }
            if (end < length) {
                newline(end + 1);
            }
            lineStart = end + 1;
        }
        unterminated(dataLine, "COPY data (no line \\. ends it)");
        blanked.add(dataStart, length);
        return new CopyData(dataLine, dataStart, length, source.substring(dataStart, length), false);
    }

    /** The length of the line starting at {@code from}, without its line ending. */
    private int lineLength(int from) {
        int end = indexOf('\n', from);
        return (end < 0 ? length : end) - from;
    }

    /** The first {@code c} at or after {@code from}, or -1. */
    private int indexOf(char c, int from) {
        for (int k = from; k < length; k++) {
            if (text[k] == c) {
                return k;
            }
        }
        return -1;
    }

    /** The first copy of the characters {@code [tagFrom, tagTo)} (a dollar-quote tag) at or after {@code from}, or -1. */
    private int indexOf(int tagFrom, int tagTo, int from) {
        int tagLength = tagTo - tagFrom;
        for (int k = from; k <= length - tagLength; k++) {
            if (text[k] == text[tagFrom] && Arrays.equals(text, k, k + tagLength, text, tagFrom, tagTo)) {
                return k;
            }
        }
        return -1;
    }

    private boolean firstOnLine(int i) {
        int k = i - 1;
        while (k >= 0 && (text[k] == ' ' || text[k] == '\t')) {
            k--;
        }
        return k < 0 || text[k] == '\n' || k == 0 && text[0] == BYTE_ORDER_MARK;
    }

    private boolean is(int at, String upperCaseWord) {
        return AsciiKeywords.matches(text, at, upperCaseWord);
    }

    private static boolean isWordStart(char c) {
        return c < ASCII ? ASCII_WORD_START[c] : Character.isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return c < ASCII ? ASCII_WORD_PART[c] : Character.isLetter(c);
    }

    private static boolean[] asciiWordChars(String others) {
        boolean[] table = new boolean[ASCII];
        for (char c = 'a'; c <= 'z'; c++) {
            table[c] = true;
            table[Character.toUpperCase(c)] = true;
        }
        others.chars().forEach(c -> table[c] = true);
        return table;
    }

    private void countLines(int from, int to) {
        for (int k = from; k < to; k++) {
            if (text[k] == '\n') {
                newline(k + 1);
            }
        }
    }

    private void newline(int lineStart) {
        if (lines == lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lines * 2);
        }
        lineStarts[lines++] = lineStart;
    }

    private void unterminated(int line, String construct) {
        if (unterminated == null) {
            unterminated = new Unterminated(line, construct);
        }
    }
}
