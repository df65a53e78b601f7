package dev.huddle.migration.failure;

/**
 * {@code baseline} or {@code import} would record migrations as applied whose tables or columns the database does not
 * have; nothing was recorded.
 */
public final class AdoptionRefusedException extends HuddleFailure {
    public AdoptionRefusedException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
