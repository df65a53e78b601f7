package dev.huddle.migration.discover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source checkout of the modules packed in the jar: a folder holding {@code <module>/src/main/resources} for at least
 * one of them. Inside one, the runner reads those modules' scripts and manifests from the sources, so that a script
 * written a moment ago is planned, applied and rolled back without a build; the jar's copies are as old as the last
 * build.
 */
public final class SourceTree {
    private final Path root;
    private final List<String> modules;

    private SourceTree(Path root, List<String> modules) {
        this.root = root;
        this.modules = List.copyOf(modules);
    }

    /** The source tree at {@code folder} or the nearest folder above it that holds sources of these modules. */
    public static Optional<SourceTree> around(Path folder, List<ModuleDescriptor> packaged) {
        for (Path each = folder.toAbsolutePath().normalize(); each != null; each = each.getParent()) {
            Optional<SourceTree> tree = at(each, packaged);
            if (tree.isPresent()) {
                return tree;
            }
        }
        return Optional.empty();
    }

    /** The source tree at exactly {@code root}, if it holds sources of any of these modules. */
    public static Optional<SourceTree> at(Path root, List<ModuleDescriptor> packaged) {
        Path absolute = root.toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        for (ModuleDescriptor module : packaged) {
            if (module.directory().isEmpty() && Files.isDirectory(ModuleSources.resources(absolute, module.name()))) {
                found.add(module.name());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new SourceTree(absolute, found));
    }

    public Path root() {
        return root;
    }

    /** The names of the packed modules whose sources are here. */
    public List<String> modules() {
        return modules;
    }

    /** The modules with those whose sources are here read from the sources; the others as they are. */
    public List<ModuleDescriptor> read(List<ModuleDescriptor> packaged) {
        return packaged.stream()
                .map(module -> modules.contains(module.name()) ? module.inSources(ModuleSources.resources(root, module.name())) : module)
                .toList();
    }

    /** Where the runner read scripts from, for {@code status}: this tree, naming the modules whose sources are here. */
    @Override
    public String toString() {
        return "source tree at " + root + " (" + String.join(", ", modules) + ")";
    }
}
