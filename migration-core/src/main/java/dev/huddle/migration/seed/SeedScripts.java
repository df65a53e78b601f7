package dev.huddle.migration.seed;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.failure.FileUnusableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds each module's seed script for a dialect, beside its migrations: {@code db/huddle-seed/<module>/<dialect>/seed.sql}
 * in its jar, or {@code <dir>/seed/<dialect>/seed.sql} for a {@code --modules-dir} module. A module without one
 * has no sample data.
 */
public final class SeedScripts {
    static final String FILE = "seed.sql";

    private SeedScripts() {
    }

    /** Where a classpath module keeps its seed script, relative to its resources root. */
    public static String resourcePath(String module, Dialect dialect) {
        return "db/huddle-seed/" + module + "/" + dialect.folderName() + "/" + FILE;
    }

    /** The modules' seed scripts, in the modules' order. */
    public static List<SeedScript> find(List<ModuleDescriptor> modules, Dialect dialect) {
        List<SeedScript> found = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            Optional<Path> dir = module.directory();
            String path = dir.isPresent() ? dir.get().resolve("seed").resolve(dialect.folderName()).resolve(FILE).toString()
                    : resourcePath(module.name(), dialect);
            Optional<String> sql = dir.isPresent() ? readFile(Path.of(path)) : readResource(path);
            sql.ifPresent(text -> found.add(SeedScript.parse(module.name(), path, text)));
        }
        return found;
    }

    private static Optional<String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    private static Optional<String> readResource(String path) {
        try (InputStream in = SeedScripts.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    private static FileUnusableException unreadable(String path, IOException e) {
        return new FileUnusableException("Cannot read the seed script " + path + ": " + e.getMessage() + ".",
                "Check that the file is readable UTF-8.", e);
    }
}
