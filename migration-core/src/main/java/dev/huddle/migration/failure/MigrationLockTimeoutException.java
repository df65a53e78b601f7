package dev.huddle.migration.failure;

import java.time.Duration;

/** Another runner held the migration lock for longer than this one was willing to wait. */
public final class MigrationLockTimeoutException extends HuddleFailure {
    public MigrationLockTimeoutException(String database, Duration waited, String holder) {
        super("Timed out after " + seconds(waited) + " s waiting for the migration lock on " + database
                        + (holder == null ? "" : ", held by " + holder) + ".",
                "Another runner or app instance is migrating: wait for it and run again, or raise the timeout "
                        + "(--lock-timeout, huddle.migration.lock-timeout).", null);
    }

    /** Whole seconds as "60", shorter waits as "0.5". */
    private static String seconds(Duration waited) {
        long millis = waited.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DATABASE;
    }
}
