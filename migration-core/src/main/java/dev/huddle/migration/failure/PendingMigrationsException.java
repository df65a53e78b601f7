package dev.huddle.migration.failure;

import java.util.List;

/** The app's boot in validate mode found migrations not yet applied. */
public final class PendingMigrationsException extends HuddleFailure {
    public PendingMigrationsException(List<String> scripts) {
        super("huddle.migration.mode is validate and " + scripts.size() + (scripts.size() == 1 ? " migration is" : " migrations are")
                        + " pending:\n  - " + String.join("\n  - ", scripts),
                "Apply them with 'java -jar huddle-migrate.jar up', or start with HUDDLE_MIGRATION_MODE=migrate.", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
