package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;

/**
 * A migration found in a module's folder and accepted by planning ("resolved", as opposed to "applied", which
 * is read from the history table).
 *
 * @param down the script that reverts it, or null when the migration is irreversible
 */
public record ResolvedScript(String module, Dialect dialect, String version, String description, String fileName,
                             String origin, String sql, int checksum, ScriptDirectives directives, DownScript down) {

    /** The same migration with its down script attached. */
    public ResolvedScript withDown(DownScript downScript) {
        return new ResolvedScript(module, dialect, version, description, fileName, origin, sql, checksum, directives, downScript);
    }

    public boolean reversible() {
        return down != null;
    }

    /**
     * The path recorded in the history: {@code <module>/<file name>}, which is how the single history knows each
     * migration's module.
     */    public String script() {
        return module + "/" + fileName;
    }

    /** The description as people read it, as Flyway records it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
