package dev.huddle.app.migration;

import java.util.List;

/** Boot in validate mode found migrations not yet applied. */
public class PendingMigrationsException extends RuntimeException {
    public PendingMigrationsException(List<String> scripts) {
        super("huddle.migration.mode is validate and " + scripts.size() + (scripts.size() == 1 ? " migration is" : " migrations are")
                + " pending:\n  - " + String.join("\n  - ", scripts)
                + "\nApply them with 'java -jar huddle-migrate.jar up', or start with HUDDLE_MIGRATION_MODE=migrate.");
    }
}
