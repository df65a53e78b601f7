package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;

import java.util.Optional;

/**
 * A migration found in a module's folder and accepted by planning ("resolved", as opposed to "applied", which
 * is read from the history table).
 *
 * @param downs its module's down scripts in this dialect, paired when first asked for ({@link #down()})
 */
public record ResolvedScript(String module, Dialect dialect, String version, String description, String fileName,
                             String origin, ScriptText text, DownScripts downs) {

    /** A script whose text is already in hand, with its down script (null when it has none). */
    public ResolvedScript(String module, Dialect dialect, String version, String description, String fileName,
                          String origin, String sql, DownScript down) {
        this(module, dialect, version, description, fileName, origin, ScriptText.of(sql), DownScripts.of(version, down));
    }

    /**
     * The script that reverts this migration, or null when it ships none (irreversible).
     *
     * @throws dev.huddle.migration.failure.MigrationPlanRefusedException when its module's down scripts do not pair
     */
    public DownScript down() {
        return downs == null ? null : downs.find(version);
    }

    public String sql() {
        return text.sql();
    }

    /** Flyway's checksum of the text, as the history records it. */
    public int checksum() {
        return text.checksum();
    }

    /** The squashed baseline this migration is applied by in this run, if one stands in for it. */
    public Optional<SquashedStandIn> standIn() {
        return text.standIn();
    }

    public ScriptDirectives directives() {
        return text.directives();
    }

    /** The text split into statements for its dialect, scanned once whoever asks first. */
    public ScannedScript scanned() {
        return text.scanned(dialect);
    }

    /** The same migration with its down script attached. */
    public ResolvedScript withDown(DownScript downScript) {
        return new ResolvedScript(module, dialect, version, description, fileName, origin, text, DownScripts.of(version, downScript));
    }

    public boolean reversible() {
        return down() != null;
    }

    /**
     * The path recorded in the history's {@code script} column: {@code <module>/<file name>}, which is how the single
     * history knows each migration's module.
     */
    public String historyPath() {
        return module + "/" + fileName;
    }

    /** The description as people read it, as Flyway records it: {@code initial meeting schema}. */
    public String readableDescription() {
        return description.replace('_', ' ');
    }
}
