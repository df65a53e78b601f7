package dev.huddle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An empty PostgreSQL database cluster, initialised once per machine beside the embedded server's binaries, that each
 * test JVM copies into its own data folder instead of running {@code initdb}: initdb is about half of the embedded
 * server's start, and a test build starts one server per test JVM. A cluster that does not fit the binaries (another
 * PostgreSQL version) fails to start; the caller then forgets it and initialises a new one.
 */
final class InitializedCluster {
    /** Files of a server that ran on the cluster: its lock, pid and options, never part of a copy. */
    private static final Set<String> RUN_FILES = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private final Path cached;

    InitializedCluster(Path cached) {
        this.cached = cached;
    }

    /** Copies the cached cluster into {@code dataDirectory} (which must not exist); false when there is none yet. */
    boolean copyTo(Path dataDirectory) {
        if (!Files.isRegularFile(cached.resolve("PG_VERSION"))) {
            return false;
        }
        try {
            copyTree(cached, dataDirectory);
            return true;
        } catch (IOException | UncheckedIOException e) {
            // Another JVM is replacing the cache at this moment: initialise this one's own cluster.
            ScratchFolder.deleteQuietly(dataDirectory);
            return false;
        }
    }

    /**
     * Keeps a copy of a cluster that initdb made and whose server has stopped, for the next JVMs. The copy is made
     * beside the cache and moved into place at once, so no JVM copies a half-written cluster; when two JVMs keep one at
     * the same time, the first one stays.
     */
    void keep(Path stoppedCluster) {
        Path staging = cached.resolveSibling(cached.getFileName() + ".new-" + ProcessHandle.current().pid());
        try {
            ScratchFolder.deleteQuietly(staging);
            copyTree(stoppedCluster, staging);
            Files.move(staging, cached, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            ScratchFolder.deleteQuietly(staging);
        } catch (IOException | UncheckedIOException e) {
            ScratchFolder.deleteQuietly(staging);
            if (!Files.isDirectory(cached)) {
                System.err.println("[huddle tests] Could not keep an initialised PostgreSQL cluster in " + cached + " (" + e.getMessage()
                        + "); each test JVM runs initdb instead.");
            }
        }
    }

    /** Forgets a cached cluster that did not start, so the next JVM initialises and keeps a new one. */
    void forget() {
        Path doomed = cached.resolveSibling(cached.getFileName() + ".old-" + ProcessHandle.current().pid());
        try {
            Files.move(cached, doomed, StandardCopyOption.ATOMIC_MOVE);
            ScratchFolder.deleteQuietly(doomed);
        } catch (IOException e) {
            // Another JVM forgot it first.
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (RUN_FILES.contains(path.getFileName().toString()) && path.getParent().equals(from)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    // PostgreSQL refuses a data folder that others may read: the folders keep their modes too.
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(path));
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
