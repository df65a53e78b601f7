package dev.huddle.migration.discover;

import dev.huddle.migration.failure.FileUnusableException;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A script folder on disk, as used by {@code --modules-dir} modules and by module source folders. */
public final class DirectoryScriptLocation implements ScriptLocation {
    private final Path dir;

    public DirectoryScriptLocation(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<ScriptFile> list() {
        String[] names = dir.toFile().list();
        if (names == null) {
            if (Files.isDirectory(dir)) {
                throw new FileUnusableException("Cannot list " + dir + ":", "check the folder's permissions.", null);
            }
            return List.of();
        }
        Arrays.sort(names);
        String folder = dir + File.separator;
        List<ScriptFile> files = new ArrayList<>(names.length);
        for (String name : names) {
            // One stat per entry would cost more than the rest of a no-op start; only entries not named like a script
            // are looked at, so a stray folder is skipped while a stray file is still reported by planning.
            // Hidden entries (.DS_Store, an editor's swap file) are tools' files, never scripts.
            if (!name.startsWith(".") && (name.endsWith(".sql") || Files.isRegularFile(dir.resolve(name)))) {
                files.add(new ScriptFile(name, folder + name, () -> read(dir.resolve(name))));
            }
        }
        return files;
    }

    @Override
    public String describe() {
        return dir.toString();
    }

    /** A single file's text, if the file exists. */
    static Optional<String> readFile(Path path) {
        return Files.isRegularFile(path) ? Optional.of(read(path).text()) : Optional.empty();
    }

    /**
     * A FileInputStream rather than {@link Files#readString}: half the cost per file in a fresh JVM, and a start reads
     * thousands. Malformed UTF-8 is refused naming its line ({@link ScriptDecoding}).
     */
    private static DecodedScript read(Path path) {
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            return ScriptDecoding.decode(in.readAllBytes(), path.toString());
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read " + path + ": " + e.getMessage() + ".", "Check the file's permissions.", e);
        }
    }
}
