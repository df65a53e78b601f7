package dev.huddle.migration.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An OS file lock on {@code <database file>.migration-lock}, which SQLite itself never touches. The operating system
 * drops it when the process dies, so a killed runner never leaves it held. Threads of one JVM share the OS lock, so
 * they first queue on a semaphore per file. The file holds the current holder's description for those who wait.
 */
public final class SqliteFileLock implements MigrationLock {
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final Path lockFile;

    public SqliteFileLock(Path databaseFile) {
        Path absolute = databaseFile.toAbsolutePath().normalize();
        this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".migration-lock");
    }

    @Override
    public Held acquire(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore local = IN_PROCESS.computeIfAbsent(lockFile, path -> new Semaphore(1));
        try {
            if (!local.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MigrationLockTimeoutException(lockFile.toString(), timeout, "another thread of this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock " + lockFile, e);
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = waitForLock(channel, deadline, timeout);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(LockOwner.describe().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return () -> release(channel, lock, local);
        } catch (IOException e) {
            local.release();
            throw new UncheckedIOException("Cannot use the migration lock file " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private FileLock waitForLock(FileChannel channel, long deadline, Duration timeout) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new MigrationLockTimeoutException(lockFile.toString(), timeout, holder.isEmpty() ? null : holder);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new IllegalStateException("Interrupted while waiting for the migration lock " + lockFile, e);
            }
        }
    }

    private static void release(FileChannel channel, FileLock lock, Semaphore local) {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The OS releases the lock with the channel or the process.
        } finally {
            local.release();
        }
    }
}
