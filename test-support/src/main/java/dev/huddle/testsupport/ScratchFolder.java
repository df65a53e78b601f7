package dev.huddle.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one temporary folder of this test JVM: every SQLite file and other scratch file tests make goes in it, and it is
 * deleted, with all it holds, when the JVM exits, so a test run leaves nothing in the system's temporary folder.
 */
public final class ScratchFolder {
    private static volatile Path folder;

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

    private static Path create() {
        try {
            Path created = Files.createTempDirectory("huddle-tests-" + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created), "huddle-scratch-cleanup"));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for tests in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage() + ". Free space there or point java.io.tmpdir elsewhere.", e);
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
