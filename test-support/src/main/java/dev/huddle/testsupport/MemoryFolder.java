package dev.huddle.testsupport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A per-JVM folder on a memory file system ({@code /dev/shm} on Linux) for the test databases: the embedded PostgreSQL
 * server's data and the SQLite files. Creating a file on the build machines' disk costs about half a millisecond of
 * CPU, and a PostgreSQL database is a few hundred files (an embedded server's {@code CREATE DATABASE}: 285 ms of CPU on
 * disk, 16 ms here); SQLite creates and deletes a journal file for every write transaction.
 *
 * <p>Used only when the file system is {@code tmpfs} with {@link #MIN_FREE_BYTES} free (a container's default
 * {@code /dev/shm} of 64 MB is too small: the disk is used there), and not when the system property
 * {@value #SWITCH} is {@code off}. A folder is named after the JVM that made it, and folders of JVMs that are gone
 * (killed before their exit hook ran) are deleted by the next JVM that makes one, so memory is not held after a build.
 */
final class MemoryFolder {
    /** {@code -Dhuddle.tests.memory-folder=off} keeps everything on disk, e.g. to compare the two. */
    static final String SWITCH = "huddle.tests.memory-folder";
    static final String PREFIX = "huddle-tests-";
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final long MIN_FREE_BYTES = 2L << 30;

    private MemoryFolder() {
    }

    /** A new folder for this JVM in memory, or empty when this machine has no suitable memory file system. */
    static Optional<Path> create() {
        if ("off".equals(System.getProperty(SWITCH)) || !usable(SHARED_MEMORY)) {
            return Optional.empty();
        }
        deleteFoldersOfEndedJvms(SHARED_MEMORY);
        try {
            return Optional.of(Files.createTempDirectory(SHARED_MEMORY, PREFIX + ProcessHandle.current().pid() + "-"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(Path folder) {
        try {
            return Files.isDirectory(folder) && Files.isWritable(folder)
                    && "tmpfs".equals(Files.getFileStore(folder).type())
                    && Files.getFileStore(folder).getUsableSpace() >= MIN_FREE_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes {@code huddle-tests-<pid>-*} folders whose JVM no longer runs. */
    static void deleteFoldersOfEndedJvms(Path parent) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                ownerPid(folder.getFileName().toString())
                        .filter(pid -> ProcessHandle.of(pid).isEmpty())
                        .ifPresent(pid -> ScratchFolder.deleteQuietly(folder));
            }
        } catch (IOException | RuntimeException e) {
            // Another JVM is sweeping at the same time, or the folder cannot be listed: the next JVM tries again.
        }
    }

    static Optional<Long> ownerPid(String folderName) {
        String rest = folderName.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash > 0 ? Optional.of(Long.parseLong(rest.substring(0, dash))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
