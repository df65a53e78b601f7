package dev.huddle.migration.failure;

/**
 * A repair named a version that needs no such repair; nothing was changed. A mistaken request, not a failed
 * migration, so it exits as a usage error.
 */
public final class RepairRefusedException extends HuddleFailure {
    public RepairRefusedException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
