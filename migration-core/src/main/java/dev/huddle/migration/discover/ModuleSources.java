package dev.huddle.migration.discover;

import dev.huddle.migration.failure.FileUnusableException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a module's editable files are: a modules-dir module is edited where it lies; a module packed in a jar is
 * edited in the repository, in {@code <project dir>/<module>/src/main/resources}. Authoring tools (create, seal)
 * write there, never into a jar.
 */
public final class ModuleSources {
    private final Path projectDir;

    public ModuleSources(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** The module as its source files are now, which may be ahead of the jar on the class path. */
    public ModuleDescriptor view(ModuleDescriptor module) {
        return module.directory().isPresent() ? module : module.inSources(resources(module));
    }

    public Path upFolder(ModuleDescriptor module, Dialect dialect) {
        return module.directory().map(dir -> dir.resolve(dialect.folderName()))
                .orElseGet(() -> resources(module).resolve(ModuleDescriptor.upFolder(module.name(), dialect)));
    }

    public Path downFolder(ModuleDescriptor module, Dialect dialect) {
        return module.directory().map(dir -> dir.resolve("down").resolve(dialect.folderName()))
                .orElseGet(() -> resources(module).resolve(ModuleDescriptor.downFolder(module.name(), dialect)));
    }

    public Path manifestFile(ModuleDescriptor module) {
        return module.directory().map(dir -> dir.resolve(ModuleDescriptor.MANIFEST_FILE))
                .orElseGet(() -> resources(module).resolve(ModuleDescriptor.manifestPath(module.name())));
    }

    /** The repository's merged migration order file, kept for the modules packed in jars. */
    public Path orderFile() {
        return projectDir.resolve("migration-order.txt");
    }

    /** Where a module packed in a jar keeps its resources in a source tree rooted at {@code projectDir}. */
    static Path resources(Path projectDir, String module) {
        return projectDir.resolve(module).resolve("src").resolve("main").resolve("resources");
    }

    private Path resources(ModuleDescriptor module) {
        Path resources = resources(projectDir, module.name());
        if (!Files.isDirectory(resources)) {
            throw new FileUnusableException("Cannot find the sources of module " + module.name() + " at " + resources + ".",
                    "Run this inside the source checkout, or pass --project-dir.", null);
        }
        return resources;
    }
}
