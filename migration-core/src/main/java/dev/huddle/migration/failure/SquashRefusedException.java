package dev.huddle.migration.failure;

/**
 * {@code squash} cannot write a baseline that builds exactly what the migrations it would replace build: a script
 * outside one transaction, rows or objects the schema model does not hold, a range that is not a prefix of the module's
 * order, or a generated script that does not rebuild the schema. Nothing was written.
 */
public final class SquashRefusedException extends HuddleFailure {
    public SquashRefusedException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
