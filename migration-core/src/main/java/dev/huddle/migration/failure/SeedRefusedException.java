package dev.huddle.migration.failure;

/** {@code seed} found rows in a table it fills and was not told to clear them; nothing was changed. */
public final class SeedRefusedException extends HuddleFailure {
    public SeedRefusedException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
