package dev.huddle.migration.failure;

/** A module's declaration cannot be used: a bad module name, or a script excluded without a reason. */
public final class MalformedModuleException extends HuddleFailure {
    public MalformedModuleException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
