package dev.huddle.migration.failure;

/**
 * A migration's up or down script failed. Its transaction was rolled back: the database is as it was before that
 * step, and the steps before it in the same run stay done.
 */
public final class MigrationFailedException extends HuddleFailure {
    private final String script;

    public MigrationFailedException(String script, String message, Throwable cause) {
        super(message, "", cause);
        this.script = script;
    }

    /** {@code <module>/<file name>} of the script that failed, up or down. */
    public String script() {
        return script;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.MIGRATION_FAILED;
    }
}
