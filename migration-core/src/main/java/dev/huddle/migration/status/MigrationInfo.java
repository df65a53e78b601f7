package dev.huddle.migration.status;

import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.plan.ResolvedScript;

/**
 * One migration as one database sees it: the script a module ships, the history row that records it, and the state
 * the two make together. Status, validation, pending and rollback planning are all views of a list of these.
 *
 * @param script the script, or null when no selected module ships one for this row
 * @param row    the history row, or null while the migration is pending
 * @param why    what is wrong and how to fix it for a problem state, an out-of-order allowance, else null
 */
public record MigrationInfo(ResolvedScript script, AppliedMigration row, MigrationState state, String why) {

    public String module() {
        return script != null ? script.module() : row.module();
    }

    public String version() {
        return script != null ? script.version() : row.version();
    }

    public String description() {
        return script != null ? script.readableDescription() : row.description();
    }

    /** {@code <module>/<file name>}, as the history records it. */
    public String path() {
        return script != null ? script.historyPath() : row.script();
    }
}
