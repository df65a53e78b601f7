package dev.huddle.migration.sql;

import dev.huddle.migration.discover.DecodedText;
import dev.huddle.migration.discover.Dialect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A script read once by {@link SqlScanner}: its statements, its code-only view, and what a client program would have
 * handled itself (psql meta-commands, sqlite3 dot-commands), which a database never understands.
 */
public final class ScannedScript {
    private final Dialect dialect;
    /** The text, made a string only when {@link #sql} is asked for. */
    private final DecodedText sql;
    private final List<ScriptStatement> statements;
    private final BlankedSpans blanked;
    private final List<ClientCommand> clientCommands;
    private final Unterminated unterminated;
    private final int[] lineStarts;
    /** The UTF-8 bytes {@link #sql} was decoded from, from {@link #utf8Start} on; null when the text came without them. */
    private final byte[] utf8;
    private final int utf8Start;
    private final StrayCharacters strayCharacters;

    ScannedScript(Dialect dialect, DecodedText sql, List<ScriptStatement> statements, BlankedSpans blanked, List<ClientCommand> clientCommands,
                  Unterminated unterminated, int[] lineStarts, byte[] utf8, int utf8Start, StrayCharacters strayCharacters) {
        this.dialect = dialect;
        this.sql = sql;
        this.statements = List.copyOf(statements);
        this.blanked = blanked;
        this.clientCommands = List.copyOf(clientCommands);
        this.unterminated = unterminated;
        this.lineStarts = lineStarts;
        this.utf8 = utf8;
        this.utf8Start = utf8Start;
        this.strayCharacters = strayCharacters;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The script as scanned; the whole text as a string, built at the first call for a script scanned from a file. */
    public String sql() {
        return sql.text();
    }

    /**
     * A new cutter of spans of {@link #sql} (a statement, a run of them) as UTF-8 bytes taken from the file rather than
     * encoded again, or null when the script was scanned without its bytes.
     */
    public Utf8Slicer utf8Slicer() {
        return utf8 == null ? null : new Utf8Slicer(sql.chars(), sql.length(), utf8, utf8Start);
    }

    /** Where {@link #sql} first holds a NUL and a U+FEFF. */
    public StrayCharacters strayCharacters() {
        return strayCharacters;
    }

    /** The text from {@code from} to {@code to}, without building the whole of {@link #sql}. */
    public String sql(int from, int to) {
        return sql.substring(from, to);
    }

    /** Every statement in order; empty ones ({@code ;;}) are left out. */
    public List<ScriptStatement> statements() {
        return statements;
    }

    /**
     * The script with comments, string literals and COPY data replaced by spaces, newlines kept, so offsets and lines
     * match {@link #sql}. Quoted names stay, and so does the code inside a dollar-quoted body (its own comments and
     * strings blanked, its {@code $tag$} delimiters too): in migrations such a body is nearly always a function or a
     * DO block, whose words matter to the checks that read this view. Built at each call: prefer {@link #codeOf}.
     */
    public String code() {
        return blanked.view(sql.chars(), 0, sql.length());
    }

    /** The code-only view of one statement, from its start to its end. */
    public String codeOf(ScriptStatement statement) {
        return blanked.view(sql.chars(), statement.start(), statement.end());
    }

    /** Lines a client program would run itself, in order. */
    public List<ClientCommand> clientCommands() {
        return clientCommands;
    }

    /** The first construct the script opens and never closes, if any. */
    public Optional<Unterminated> unterminated() {
        return Optional.ofNullable(unterminated);
    }

    /** Whether the script holds no statement at all: only comments, blanks and semicolons (client commands aside). */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The 1-based line of a character offset; a binary search over the line starts the scan recorded. */
    public int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /**
     * A line a client program handles itself and a database rejects: a psql meta-command ({@code \set}, {@code \i},
     * {@code \connect}, ...) or a sqlite3 dot-command ({@code .read}).
     *
     * @param text the command, from its backslash or dot to the end of its line
     */
    public record ClientCommand(int line, String text) {
    }

    /**
     * A string, quoted name, comment, dollar-quoted body, {@code BEGIN ... END} block, parenthesis or COPY data block
     * that runs to the end of the script.
     *
     * @param line      where it opens
     * @param construct what was left open, e.g. "string literal"
     */
    public record Unterminated(int line, String construct) {
    }
}
