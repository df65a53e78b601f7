package dev.huddle.migration.discover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A script folder on disk, as used by {@code --modules-dir} modules and by module source folders. */
public final class DirectoryScriptLocation implements ScriptLocation {
    private final Path dir;

    public DirectoryScriptLocation(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<ScriptFile> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .sorted()
                    .map(path -> new ScriptFile(path.getFileName().toString(), path.toString(), () -> read(path)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    /** A single file's text, if the file exists. */
    static Optional<String> readFile(Path path) {
        return Files.isRegularFile(path) ? Optional.of(read(path)) : Optional.empty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
