package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.SourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the runner reads the modules' scripts. Inside a source checkout ({@code --project-dir}, else found from the
 * current folder upward) the modules packed in the jar are read from their sources, so a script just written is planned
 * and applied without a build; elsewhere from the jar. {@code status} and {@code validate} say which.
 */
final class ScriptSources {
    private final String projectDir;
    private final String modulesDir;
    private List<ModuleDescriptor> packaged;
    private Optional<SourceTree> sourceTree;

    ScriptSources(String projectDir, String modulesDir) {
        this.projectDir = projectDir;
        this.modulesDir = modulesDir;
    }

    /** The modules packed in the jar, each read from the source checkout when it holds its sources. */
    List<ModuleDescriptor> modules() {
        // Plain branches rather than Optional.map: status passes here on every run, and a lambda the class-data training
        // never reaches (its jar packs no module, so it never finds a checkout) is spun anew at each start.
        Optional<SourceTree> tree = sourceTree();
        return tree.isPresent() ? tree.get().read(packaged()) : packaged();
    }

    /** The source checkout the runner works in: {@code --project-dir}, else the one around the current folder. */
    Optional<SourceTree> sourceTree() {
        // Found once: modules(), projectDir() and describe() all ask, and each search stats every folder upward.
        if (sourceTree == null) {
            sourceTree = projectDir != null ? SourceTree.at(Path.of(projectDir), packaged()) : SourceTree.around(Path.of(""), packaged());
        }
        return sourceTree;
    }

    /** The repository whose sources {@code create}, {@code seal} and {@code validate} use: {@code --project-dir}, else the checkout found. */
    Optional<Path> projectDir() {
        return projectDir != null ? Optional.of(Path.of(projectDir)) : sourceTree().map(SourceTree::root);
    }

    /** Where the scripts are read from, in words. */
    String describe() {
        List<String> origins = new ArrayList<>();
        if (!packaged().isEmpty()) {
            Optional<SourceTree> tree = sourceTree();
            origins.add(tree.isPresent() ? tree.get().toString() : "packed in the jar (" + (projectDir == null
                    ? "no source checkout around " + Path.of("").toAbsolutePath() : "no module sources in --project-dir " + projectDir) + ")");
        }
        if (modulesDir != null) {
            origins.add("--modules-dir " + Path.of(modulesDir).toAbsolutePath());
        }
        return String.join("; ", origins);
    }

    private List<ModuleDescriptor> packaged() {
        if (packaged == null) {
            packaged = Migrations.discover().modules();
        }
        return packaged;
    }
}
