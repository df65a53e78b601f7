package dev.huddle.migration.failure;

/** An integrity manifest or {@code migration-order.txt} has a line Huddle cannot read, so no script can be trusted. */
public final class MalformedIntegrityFileException extends HuddleFailure {
    public MalformedIntegrityFileException(String problem, String fix) {
        super(problem, fix, null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.REFUSED;
    }
}
