package dev.huddle.migration.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markers a script carries in comments, one per line: {@code -- huddle:<name> <argument>}. They are comments, so
 * the database never sees them, and they travel with the script wherever it is copied.
 */
public record ScriptDirectives(Map<String, String> values) {
    /** The script exists for one dialect only; the argument says why. */
    public static final String DIALECT_ONLY = "dialect-only";

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*huddle:([a-z-]+)\\s*(.*?)\\s*$", Pattern.MULTILINE);

    public static ScriptDirectives parse(String sql) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = DIRECTIVE.matcher(sql);
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        return new ScriptDirectives(Map.copyOf(values));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
