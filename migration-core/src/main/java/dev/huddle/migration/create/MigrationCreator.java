package dev.huddle.migration.create;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.migration.plan.ScriptName;
import dev.huddle.migration.plan.ScriptTemplates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a new migration into a module's source folders: an up and a down script for each dialect, versioned with
 * the current UTC time, or one second after the newest version of any module when the clock is behind it. Checks
 * everything before writing, so a refusal leaves no file behind.
 */
public final class MigrationCreator {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final List<ModuleDescriptor> modules;
    private final ModuleSources sources;
    private final Clock clock;

    /**
     * @param projectDir the repository root, where a classpath module {@code m} keeps its sources in
     *                   {@code m/src/main/resources}; modules-dir modules are written in their own folder
     */
    public MigrationCreator(List<ModuleDescriptor> modules, Path projectDir, Clock clock) {
        this.modules = List.copyOf(modules);
        this.sources = new ModuleSources(projectDir);
        this.clock = clock;
    }

    /**
     * @throws UnknownModuleException   when no module has that name
     * @throws IllegalArgumentException when the description has no usable words, or the module's sources are not found
     */
    public CreatedMigration create(String moduleName, String description) {
        ModuleDescriptor module = modules.stream().filter(m -> m.name().equals(moduleName)).findFirst()
                .orElseThrow(() -> new UnknownModuleException(List.of(moduleName), modules.stream().map(ModuleDescriptor::name).toList()));
        String words = snakeCase(description);
        ScriptName name = new ScriptName(nextVersion(module), words);
        Map<Path, String> files = new LinkedHashMap<>();
        for (Dialect dialect : Dialect.values()) {
            files.put(sources.upFolder(module, dialect).resolve(name.upFileName()), ScriptTemplates.up(name, dialect));
            files.put(sources.downFolder(module, dialect).resolve(name.downFileName()), ScriptTemplates.down(name, dialect));
        }
        for (Path file : files.keySet()) {
            if (Files.exists(file)) {
                throw new FileUnusableException(file + " already exists; nothing was written.", "", null);
            }
        }
        List<Path> written = new ArrayList<>();
        files.forEach((file, text) -> written.add(write(file, text)));
        return new CreatedMigration(module.name(), name.version(), name.description(), written);
    }

    /** Lower-case words joined by underscores; anything else is refused rather than guessed. */
    static String snakeCase(String description) {
        String words = description == null ? "" : description.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        words = words.replaceAll("^_+|_+$", "");
        if (!words.matches("[a-z0-9]+(?:_[a-z0-9]+)*")) {
            throw new UsageException("Description '" + description + "' cannot be used:", "write a few words of "
                    + "letters and digits, separated by spaces, hyphens or underscores (e.g. \"add whiteboard table\").");
        }
        return words;
    }

    /** Now, or one second after the newest version any module has, in its jar or already in the target's sources. */
    private String nextVersion(ModuleDescriptor target) {
        String now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(VERSION);
        List<ModuleDescriptor> scanned = new ArrayList<>(modules);
        scanned.add(sources.view(target));
        Optional<String> newest = scanned.stream()
                .flatMap(module -> Arrays.stream(Dialect.values()).flatMap(dialect -> module.scripts(dialect).list().stream()))
                .map(ScriptFile::fileName)
                .map(ScriptName::parse)
                .flatMap(Optional::stream)
                .map(ScriptName::version)
                .max(String::compareTo);
        if (newest.isPresent() && newest.get().compareTo(now) >= 0) {
            return LocalDateTime.parse(newest.get(), VERSION).plusSeconds(1).format(VERSION);
        }
        return now;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot write " + file + ": " + e.getMessage() + ".",
                    "Check the folder's permissions and free space.", e);
        }
    }
}
