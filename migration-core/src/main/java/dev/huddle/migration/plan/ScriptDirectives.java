package dev.huddle.migration.plan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markers a script carries in comments, one per line: {@code -- huddle:<name> <argument>}. They are comments, so
 * the database never sees them, and they travel with the script wherever it is copied.
 */
public record ScriptDirectives(Map<String, String> values) {
    /** The script exists for one dialect only; the argument says why. */
    public static final String DIALECT_ONLY = "dialect-only";
    /** The migration may be applied after newer ones (a branch merged late); the argument says why. */
    public static final String OUT_OF_ORDER = "out-of-order";
    /** The script runs outside a transaction (CREATE INDEX CONCURRENTLY); the argument says why. */
    public static final String NO_TRANSACTION = "no-transaction";
    /** The migration cannot be rolled back and ships no down script; the argument says why. */
    public static final String IRREVERSIBLE = "irreversible";

    /** Blanks only ({@code [ \t]}), never {@code \s}: a marker and its reason end with their own line. */
    private static final Pattern DIRECTIVE = Pattern.compile("^[ \\t]*--[ \\t]*huddle:([a-z-]+)[ \\t]*(.*?)[ \\t]*$", Pattern.MULTILINE);

    private static final byte[] MARKER = "huddle:".getBytes(StandardCharsets.US_ASCII);

    private static final ScriptDirectives NONE = new ScriptDirectives(Map.of());

    public static ScriptDirectives parse(String sql) {
        if (!sql.contains("huddle:")) {
            // Most scripts carry no marker; a plain search spares them the pattern.
            return NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = DIRECTIVE.matcher(sql);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        return new ScriptDirectives(Map.copyOf(values));
    }

    /**
     * As {@link #parse}, for a file's bytes: the marker is ASCII, so a script whose bytes do not hold it carries none and
     * its text is never asked for. A data script is searched as it is read, not decoded into a string to be searched.
     */
    public static ScriptDirectives parseIfMarked(byte[] utf8, Supplier<String> text) {
        return containsMarker(utf8) ? parse(text.get()) : NONE;
    }

    private static boolean containsMarker(byte[] utf8) {
        byte[] marker = MARKER;
        int last = utf8.length - marker.length;
        for (int i = 0; i <= last; i++) {
            if (utf8[i] == 'h' && Arrays.equals(utf8, i, i + marker.length, marker, 0, marker.length)) {
                return true;
            }
        }
        return false;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether the script carries the directive with a reason after it. */
    public boolean hasWithReason(String name) {
        String reason = values.get(name);
        return reason != null && !reason.isBlank();
    }

    /** The directive's argument, or null when the script does not carry it. */
    public String get(String name) {
        return values.get(name);
    }
}
