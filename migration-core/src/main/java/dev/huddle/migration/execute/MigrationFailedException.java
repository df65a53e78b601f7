package dev.huddle.migration.execute;

/**
 * A migration's script failed while applying. Its transaction was rolled back: the database is as it was before
 * that migration, and the migrations applied before it in the same run stay applied.
 */
public class MigrationFailedException extends RuntimeException {
    private final String script;

    public MigrationFailedException(String script, String message, Throwable cause) {
        super(message, cause);
        this.script = script;
    }

    /** {@code <module>/<file name>} of the script that failed. */
    public String script() {
        return script;
    }
}
