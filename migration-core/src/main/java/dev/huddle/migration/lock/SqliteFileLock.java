package dev.huddle.migration.lock;

import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.MigrationLockTimeoutException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An OS file lock on {@code <database file>.migration-lock}, which SQLite itself never touches. The operating system
 * drops it when the process dies, so a killed runner never leaves it held. Threads of one JVM share the OS lock, so
 * they first queue on a semaphore per file. The file holds the current holder's description for those who wait.
 *
 * <p>The lock belongs to the real database file: symbolic links and {@code ..} are resolved, so two runners naming one
 * file by different paths exclude each other. The lock file is never reached through a symbolic link (a link planted
 * there is refused, and the file is opened with no-follow semantics, so it cannot be made to overwrite another file),
 * and it is created readable by its owner only. An in-memory database gets the semaphore alone and no file.
 */
public final class SqliteFileLock implements MigrationLock {
    private static final ConcurrentHashMap<String, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;
    private static final Set<OpenOption> OPEN_OPTIONS = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

    /** Null for an in-process lock. */
    private final Path lockFile;
    private final String key;

    public SqliteFileLock(Path databaseFile) {
        Path real = realPath(databaseFile);
        this.lockFile = real.resolveSibling(real.getFileName() + ".migration-lock");
        this.key = lockFile.toString();
    }

    private SqliteFileLock(String inMemoryUrl) {
        this.lockFile = null;
        this.key = "in-memory " + inMemoryUrl;
    }

    /** A lock for an in-memory database: threads of this process queue for it, and no file is created. */
    public static SqliteFileLock inProcessOnly(String inMemoryUrl) {
        return new SqliteFileLock(inMemoryUrl);
    }

    /** The lock file this lock uses, or null for an in-memory database. */
    public Path lockFile() {
        return lockFile;
    }

    @Override
    public Held acquire(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = lockFile == null ? key : lockFile.toString();
        Semaphore local = IN_PROCESS.computeIfAbsent(key, path -> new Semaphore(1));
        try {
            if (!local.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MigrationLockTimeoutException(name, timeout, "another thread of this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock " + name, e);
        }
        if (lockFile == null) {
            return local::release;
        }
        try {
            FileChannel channel = open();
            FileLock lock = waitForLock(channel, deadline, timeout);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(LockOwner.describe().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return () -> release(channel, lock, local);
        } catch (IOException e) {
            local.release();
            throw new DatabaseUnreachableException("Cannot use the migration lock file " + lockFile + ": " + e.getMessage()
                    + ". Make its folder writable for this user.", e);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    /**
     * Opens the lock file without following a symbolic link: the check names the problem, and no-follow closes the
     * race between the check and the open. A hard link would let the truncation below reach another file too.
     */
    private FileChannel open() throws IOException {
        if (Files.isSymbolicLink(lockFile)) {
            throw refused("is a symbolic link (to " + Files.readSymbolicLink(lockFile) + ")");
        }
        FileChannel channel;
        try {
            channel = lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(lockFile, OPEN_OPTIONS, ownerOnly())
                    : FileChannel.open(lockFile, OPEN_OPTIONS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(lockFile)) {
                throw refused("is a symbolic link");
            }
            throw e;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw refused("is not a regular file");
            }
            if (lockFile.getFileSystem().supportedFileAttributeViews().contains("unix")
                    && ((Number) Files.getAttribute(lockFile, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1) {
                throw refused("has other hard links");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private DatabaseUnreachableException refused(String why) {
        return new DatabaseUnreachableException("Refusing the migration lock file " + lockFile + ": it " + why + ", so writing "
                + "it could overwrite another file. Remove it (Huddle creates a plain file there) and run again.", null);
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    private FileLock waitForLock(FileChannel channel, long deadline, Duration timeout) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                String holder = holder(channel);
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

    /** The holder's description, read through the channel already open rather than by path. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
    }

    /**
     * The file's real path: symbolic links and {@code ..} resolved as the OS would. Parts that do not exist yet are
     * appended to the real path of the nearest existing folder.
     */
    static Path realPath(Path file) {
        Path existing = file.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing == null ? file.toAbsolutePath().getRoot() : existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real.normalize();
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
