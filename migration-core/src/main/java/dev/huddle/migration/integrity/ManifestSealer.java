package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.ShippedScriptChangedException;
import dev.huddle.migration.plan.ScriptName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records new scripts in a module's manifest and, for modules of this repository, appends their versions to the
 * migration order file. It refuses, changing nothing, when a sealed script was edited or deleted.
 */
public final class ManifestSealer {
    private final ModuleSources sources;

    public ManifestSealer(ModuleSources sources) {
        this.sources = sources;
    }

    /**
     * Seals every given module and appends their new migrations to the order file in one go, by version, so that
     * migrations sealed together keep the merged order.
     *
     * @return each module's newly sealed script paths; empty lists when everything already was
     */
    public Map<String, List<String>> seal(List<ModuleDescriptor> modules) {
        Map<String, IntegrityCheck> checks = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            IntegrityCheck check = IntegrityCheck.of(sources.view(module));
            checks.put(module.name(), check);
            problems.addAll(check.problems());
        }
        if (!problems.isEmpty()) {
            throw new ShippedScriptChangedException(problems);
        }
        Map<String, List<String>> sealed = new LinkedHashMap<>();
        List<MigrationOrder.Entry> ordered = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            IntegrityCheck check = checks.get(module.name());
            List<String> added = check.unsealed().keySet().stream().sorted().toList();
            sealed.put(module.name(), added);
            if (added.isEmpty()) {
                continue;
            }
            write(sources.manifestFile(module), new IntegrityManifest(check.current()).format(module.name()));
            if (module.directory().isEmpty()) {
                ordered.addAll(orderEntries(module, added));
            }
        }
        if (!ordered.isEmpty()) {
            Path orderFile = sources.orderFile();
            MigrationOrder order = Files.isRegularFile(orderFile) ? MigrationOrder.parse(read(orderFile)) : new MigrationOrder(List.of());
            ordered.sort(Comparator.comparing(MigrationOrder.Entry::version));
            write(orderFile, order.append(ordered).format());
        }
        return sealed;
    }

    /** The migrations among newly sealed paths: up scripts that the module runs (excluded ones never join the order). */
    private static List<MigrationOrder.Entry> orderEntries(ModuleDescriptor module, List<String> paths) {
        return paths.stream()
                .filter(path -> !path.startsWith("down/"))
                .map(path -> path.substring(path.indexOf('/') + 1))
                .filter(fileName -> !module.excludedScripts().containsKey(fileName))
                .map(ScriptName::parse)
                .flatMap(Optional::stream)
                .map(name -> new MigrationOrder.Entry(name.version(), module.name()))
                .distinct()
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot read " + file + ": " + e.getMessage() + ".", "Check the file's permissions.", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new FileUnusableException("Cannot write " + file + ": " + e.getMessage() + ".",
                    "Check the folder's permissions and free space.", e);
        }
    }
}
