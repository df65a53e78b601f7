package dev.huddle.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one temporary folder of this test JVM: every SQLite file and other scratch file tests make goes in it, and it is
 * deleted, with all it holds, when the JVM exits, so a test run leaves nothing in the system's temporary folder.
 * Whatever still writes into it (the embedded PostgreSQL server) is closed first, by the same exit hook.
 *
 * <p>Beside it, {@link #newMemorySubfolder} gives folders in memory ({@link MemoryFolder}) to the test databases, which
 * create files by the thousand; they go the same way at exit.
 */
public final class ScratchFolder {
    private static final List<Closeable> CLOSE_BEFORE_DELETING = new CopyOnWriteArrayList<>();
    private static volatile Path folder;
    private static volatile Path memoryFolder;

    private ScratchFolder() {
    }

    /** The folder, created on first use. */
    public static Path path() {
        if (folder == null) {
            synchronized (ScratchFolder.class) {
                if (folder == null) {
                    folder = create();
                }
            }
        }
        return folder;
    }

    /** A new, empty subfolder of the scratch folder. */
    public static Path newSubfolder(String prefix) {
        try {
            return Files.createTempDirectory(path(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder in " + path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new, empty subfolder in memory when this machine has room there ({@link MemoryFolder}), else of the scratch
     * folder: for data that lives only as long as this JVM and is made of many files.
     */
    public static Path newMemorySubfolder(String prefix) {
        Path parent = memoryPath();
        try {
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    private static Path memoryPath() {
        if (memoryFolder == null) {
            synchronized (ScratchFolder.class) {
                if (memoryFolder == null) {
                    path();
                    memoryFolder = MemoryFolder.create().orElse(folder);
                }
            }
        }
        return memoryFolder;
    }

    /** Closes this at exit before the folder is deleted, e.g. a server whose data lives in the folder. */
    public static void closeBeforeDeleting(Closeable resource) {
        path();
        CLOSE_BEFORE_DELETING.add(resource);
    }

    private static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException | RuntimeException ignored) {
            // The JVM is exiting; the folder is deleted next either way.
        }
    }

    private static Path create() {
        try {
            Path created = Files.createTempDirectory("huddle-tests-" + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                CLOSE_BEFORE_DELETING.forEach(ScratchFolder::closeQuietly);
                Path memory = memoryFolder;
                if (memory != null && !memory.equals(created)) {
                    deleteAfterExit(memory);
                }
                deleteAfterExit(created);
            }, "huddle-scratch-cleanup"));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for tests in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage() + ". Free space there or point java.io.tmpdir elsewhere.", e);
        }
    }

    /**
     * Deletes the folder without holding up the JVM's exit: an embedded server's data folder holds every database the
     * run made (tens of thousands of files), and deleting them in the exit hook took over the 30 s the build allows a
     * test JVM to exit, after which the build kills it. A detached {@code rm -rf}, whose output goes nowhere so the
     * build does not wait on it, finishes the job after the JVM is gone; where there is no {@code rm}, it is done here.
     */
    private static void deleteAfterExit(Path path) {
        try {
            new ProcessBuilder("rm", "-rf", path.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException noRm) {
            deleteQuietly(path);
        }
    }

    /** Deletes a file or a folder with everything in it; what cannot be deleted is left, since the JVM is exiting. */
    public static void deleteQuietly(Path path) {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    // Gone already, or vanishing as a closing process removes it: go on with the rest.
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Nothing useful can be done about a file that will not go away at exit.
        }
    }
}
