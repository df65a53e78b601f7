package dev.huddle.migration.failure;

/** A command named a version ({@code --target}, {@code --to}) that no migration has; nothing was changed. */
public final class UnknownVersionException extends HuddleFailure {
    public UnknownVersionException(String option, String version, String whereLooked) {
        super(option + " " + version + " names no " + whereLooked + ".", "Run status to see the versions.", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
