package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.CommittedFile;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleSources;
import dev.huddle.migration.failure.FileUnusableException;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.ShippedScriptChangedException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ScriptName;
import dev.huddle.migration.sql.SqlScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Records new scripts in a module's manifest and, for modules of this repository, appends their versions to the
 * migration order file; undoes a seal that has not shipped. Sealing refuses, changing nothing, when a shipped script was
 * edited or deleted, when a script to seal is empty (comments only) and when planning refuses the scripts: a seal says
 * the script is ready to ship. A seal ships when it is committed ({@link IntegrityCheck}); until then sealing again
 * records the script's new text, and {@link #unseal} takes it back.
 */
public final class ManifestSealer {
    private final ModuleSources sources;
    private final Function<Dialect, MigrationPlan> checkedPlans;

    /** @param checkedPlans every module's plan for a dialect, each script read and checked, as {@code validate} plans it */
    public ManifestSealer(ModuleSources sources, Function<Dialect, MigrationPlan> checkedPlans) {
        this.sources = sources;
        this.checkedPlans = checkedPlans;
    }

    /**
     * Seals every given module and appends their new migrations to the order file in one go, by version, so that
     * migrations sealed together keep the merged order.
     *
     * @return each module's newly sealed script paths (new, or edited since an unshipped seal); empty lists when
     *         everything already was
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
            throw new ShippedScriptChangedException("Nothing was sealed", problems);
        }
        refuseUnready(modules, checks);
        Map<String, List<String>> sealed = new LinkedHashMap<>();
        List<MigrationOrder.Entry> ordered = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            IntegrityCheck check = checks.get(module.name());
            List<String> added = toSeal(check);
            sealed.put(module.name(), added);
            if (added.isEmpty() && check.changedUnshipped().isEmpty()) {
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

    /**
     * Refuses to seal what is not ready to ship: an empty script (a seal would make the unwritten change permanent), and
     * any script planning refuses. Planning is asked only when something is to be sealed.
     */
    private void refuseUnready(List<ModuleDescriptor> modules, Map<String, IntegrityCheck> checks) {
        List<String> problems = new ArrayList<>();
        boolean anything = false;
        for (ModuleDescriptor module : modules) {
            IntegrityCheck check = checks.get(module.name());
            anything |= !toSeal(check).isEmpty();
            toSeal(check).forEach(path -> emptyScriptProblem(module, path).ifPresent(problems::add));
        }
        if (anything && problems.isEmpty()) {
            for (Dialect dialect : Dialect.values()) {
                try {
                    checkedPlans.apply(dialect);
                } catch (MigrationPlanRefusedException refusal) {
                    refusal.problems().stream().filter(problem -> !problems.contains(problem)).forEach(problems::add);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationPlanRefusedException(problems);
        }
    }

    /** The scripts a seal records: new ones, and those edited since a seal that has not shipped, sorted. */
    private static List<String> toSeal(IntegrityCheck check) {
        List<String> paths = new ArrayList<>(check.unsealed().keySet());
        check.changedUnshipped().stream().filter(check.current()::containsKey).forEach(paths::add);
        return paths.stream().sorted().toList();
    }

    /** That a script about to be sealed holds no statement, naming its file; empty when it holds one. */
    private Optional<String> emptyScriptProblem(ModuleDescriptor module, String path) {
        boolean down = path.startsWith("down/");
        String dialectFolder = down ? path.split("/")[1] : path.substring(0, path.indexOf('/'));
        Dialect dialect = Dialect.POSTGRESQL.folderName().equals(dialectFolder) ? Dialect.POSTGRESQL : Dialect.SQLITE;
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        Path file = (down ? sources.downFolder(module, dialect) : sources.upFolder(module, dialect)).resolve(fileName);
        if (!SqlScanner.scan(dialect, read(file)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(module.name() + ": " + file + " is empty (comments only): write its " + (down ? "reversal" : "change")
                + " before sealing it" + (down ? ", or delete it and mark the migration '-- huddle:irreversible <reason>'." : "."));
    }

    /**
     * Takes back the seal of one migration (its up and down scripts in both dialects) that has not shipped: removes
     * them from their module's manifest, and the migration from the order file.
     *
     * @return the manifest paths unsealed, by module
     * @throws ShippedScriptChangedException when the seal has shipped (or whether it has cannot be told without git)
     * @throws UnknownVersionException       when none of the modules has a sealed script of that version
     */
    public Map<String, List<String>> unseal(List<ModuleDescriptor> modules, String version) {
        Map<String, List<String>> unsealed = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModuleDescriptor module : modules) {
            ModuleDescriptor view = sources.view(module);
            Map<String, String> sealed = view.integrityManifest().map(IntegrityManifest::parse)
                    .map(IntegrityManifest::sha256ByPath).orElse(Map.of());
            List<String> paths = sealed.keySet().stream().filter(path -> versionOf(path).equals(version)).sorted().toList();
            if (paths.isEmpty()) {
                continue;
            }
            CommittedFile shipped = view.shippedManifest();
            Set<String> shippedPaths = shipped.text().map(IntegrityManifest::parse).map(m -> m.sha256ByPath().keySet()).orElse(Set.of());
            List<String> shippedHere = paths.stream().filter(shippedPaths::contains).toList();
            if (!shippedHere.isEmpty()) {
                problems.add(module.name() + ": migration " + version + " has shipped: " + String.join(", ", shippedHere) + " "
                        + (shippedHere.size() == 1 ? "is" : "are") + " sealed in " + shipped.basis() + ". A shipped migration "
                        + "stays; write a new migration that reverts it.");
            }
            unsealed.put(module.name(), paths);
        }
        if (!problems.isEmpty()) {
            throw new ShippedScriptChangedException("Nothing was unsealed", problems);
        }
        if (unsealed.isEmpty()) {
            throw new UnknownVersionException("seal --undo", version, "sealed migration of "
                    + String.join(", ", modules.stream().map(ModuleDescriptor::name).toList()));
        }
        for (ModuleDescriptor module : modules) {
            List<String> paths = unsealed.get(module.name());
            if (paths == null) {
                continue;
            }
            Map<String, String> kept = new TreeMap<>(sources.view(module).integrityManifest().map(IntegrityManifest::parse)
                    .orElseThrow().sha256ByPath());
            paths.forEach(kept::remove);
            write(sources.manifestFile(module), new IntegrityManifest(kept).format(module.name()));
            Path orderFile = sources.orderFile();
            if (module.directory().isEmpty() && Files.isRegularFile(orderFile)) {
                MigrationOrder order = MigrationOrder.parse(read(orderFile));
                MigrationOrder.Entry entry = new MigrationOrder.Entry(version, module.name());
                if (order.entries().contains(entry)) {
                    write(orderFile, order.without(entry).format());
                }
            }
        }
        return unsealed;
    }

    /** The version in a manifest path's file name ({@code postgresql/V<version>__...sql}, {@code down/sqlite/U<version>__...}). */
    private static String versionOf(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return (path.startsWith("down/") ? ScriptName.parseDown(fileName) : ScriptName.parse(fileName)).map(ScriptName::version).orElse("");
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
