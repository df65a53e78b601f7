package dev.huddle.migration.rollback;

import dev.huddle.migration.plan.DownScript;
import dev.huddle.migration.plan.ResolvedScript;

/** One migration to revert, with the down script that does it. */
public record RollbackStep(ResolvedScript migration) {

    public String module() {
        return migration.module();
    }

    public String version() {
        return migration.version();
    }

    public String description() {
        return migration.readableDescription();
    }

    /** The up script's history path, {@code <module>/<file name>}. */
    public String script() {
        return migration.historyPath();
    }

    public DownScript down() {
        return migration.down();
    }

    /** The down script as {@code <module>/<file name>}, for messages. */
    public String downScript() {
        return migration.module() + "/" + migration.down().fileName();
    }
}
