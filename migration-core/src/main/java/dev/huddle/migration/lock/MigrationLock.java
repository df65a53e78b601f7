package dev.huddle.migration.lock;

import dev.huddle.migration.failure.MigrationLockTimeoutException;

import java.time.Duration;

/** Exclusive right to change one database's schema and history, released on {@link Held#close()} or process death. */
public interface MigrationLock {

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws MigrationLockTimeoutException naming the holder when it is known
     */
    Held acquire(Duration timeout);

    /** A lock this process holds. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
