package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;

/**
 * A migration found in a module's folder and accepted by planning ("resolved", as opposed to "applied", which
 * is read from the history table).
 *
 * @param script the path recorded in the history: {@code <module>/<file name>}, which is how the single history
 *               knows each migration's module
 */
public record ResolvedScript(String module, Dialect dialect, String version, String description, String fileName,
                             String origin, String sql, int checksum, ScriptDirectives directives) {

    public String script() {
        return module + "/" + fileName;
    }

    /** The description as people read it, as Flyway records it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
