package dev.huddle.migration.failure;

/** The connection leads to a database product Huddle ships no scripts for; nothing was changed. */
public final class UnsupportedDatabaseException extends HuddleFailure {
    public UnsupportedDatabaseException(String product) {
        super("Huddle has no scripts for " + product + ".", "Point it at PostgreSQL or SQLite.", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
