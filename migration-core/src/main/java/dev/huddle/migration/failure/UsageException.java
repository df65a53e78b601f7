package dev.huddle.migration.failure;

/**
 * A command was asked for something it cannot do as asked: an unknown command or option, a missing or malformed
 * value, options that exclude each other, an unusable description. Nothing was changed.
 */
public final class UsageException extends HuddleFailure {
    /** {@code fix} may be empty when the problem says what to give instead. */
    public UsageException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
