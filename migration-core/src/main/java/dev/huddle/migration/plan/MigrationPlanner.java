package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.failure.MigrationPlanRefusedException;
import dev.huddle.migration.failure.UnknownModuleException;
import dev.huddle.migration.integrity.IntegrityCheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks every discovered module's scripts in both dialects and merges the selected modules' migrations into one
 * {@link MigrationPlan} ordered by version. All problems are collected and refused together, before any database
 * is touched: a malformed name, a version used twice, a version missing from one dialect, an exclusion naming no file,
 * a down script without its up script, and a script that breaks a content rule ({@link ScriptContentRules}).
 */
public final class MigrationPlanner {
    private final List<ModuleDescriptor> modules;

    public MigrationPlanner(List<ModuleDescriptor> modules) {
        this.modules = List.copyOf(modules);
    }

    /**
     * The plan for one dialect, limited to the named modules (all of them when {@code selected} is empty), with every
     * script of both dialects read and checked: what {@code validate} and the build use.
     *
     * @throws MigrationPlanRefusedException when any module's scripts break a planning rule
     * @throws UnknownModuleException        when {@code selected} names a module nobody declared
     */
    public MigrationPlan plan(Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, true, true);
    }

    /**
     * The plan a command runs against one database, checked by name in both dialects (form, duplicates, parity, down
     * scripts) and against the integrity manifests. The content rules are left to {@link #refuseBrokenScripts}, for the
     * scripts the command is about to run: an applied script passed them when it ran, and its checksum in the history
     * proves it has not changed since. {@code validate} and the build check everything with {@link #plan}.
     */
    public MigrationPlan planToRun(Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, false, true);
    }

    /**
     * The plan {@code up} applies: as {@link #planToRun}, without the down scripts, which applying never reads. Its
     * migrations all look irreversible; status, down and validate plan with them.
     */
    public MigrationPlan planToApply(Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, false, false);
    }

    private MigrationPlan plan(Dialect dialect, Collection<String> selected, boolean everything, boolean withDownScripts) {
        List<String> selectedModules = select(selected);
        List<String> problems = new ArrayList<>(duplicateModuleNames());
        problems.addAll(unknownDependencies());
        ScriptContentRules rules = new ScriptContentRules(modules);

        Map<Dialect, List<ResolvedScript>> resolved = new EnumMap<>(Dialect.class);
        List<ExcludedScript> excluded = new ArrayList<>();
        for (Dialect each : Dialect.values()) {
            resolved.put(each, new ArrayList<>());
        }
        for (ModuleDescriptor module : modules) {
            Map<Dialect, Map<String, ResolvedScript>> byDialect = new EnumMap<>(Dialect.class);
            Set<String> excludedSeen = new HashSet<>();
            // A sealed module's scripts by manifest path, each text read at most once whoever asks first; null unsealed.
            Optional<String> manifest = module.integrityManifest();
            Map<String, Supplier<String>> found = manifest.isPresent() ? new LinkedHashMap<>() : null;
            for (Dialect each : Dialect.values()) {
                List<ResolvedScript> ups = new ArrayList<>();
                for (ScriptFile file : module.scripts(each).list()) {
                    ScriptText text = ScriptText.lazy(file.content());
                    if (found != null) {
                        found.put(IntegrityCheck.upPath(each, file.fileName()), text::source);
                    }
                    String reason = module.excludedScripts().get(file.fileName());
                    if (reason != null) {
                        excludedSeen.add(file.fileName());
                        excluded.add(new ExcludedScript(module.name(), each, file.fileName(), reason));
                    } else {
                        resolveUp(module, each, file, text, problems).ifPresent(ups::add);
                    }
                }
                if (everything) {
                    ups.forEach(up -> problems.addAll(rules.problemsOf(up)));
                }
                Map<String, DownScript> downs = Map.of();
                if (withDownScripts) {
                    downs = downScripts(module, each, ups, rules, problems, found, everything);
                } else if (found != null) {
                    // Listed by name only, so the manifest does not find them deleted.
                    for (ScriptFile file : module.downScripts(each).list()) {
                        found.put(IntegrityCheck.downPath(each, file.fileName()), file.content());
                    }
                }
                Map<String, ResolvedScript> byVersion = new LinkedHashMap<>();
                for (ResolvedScript up : ups) {
                    DownScript down = downs.get(up.version());
                    ResolvedScript script = down == null ? up : up.withDown(down);
                    resolved.get(each).add(script);
                    byVersion.putIfAbsent(script.version(), script);
                }
                byDialect.put(each, byVersion);
            }
            for (String declared : module.excludedScripts().keySet()) {
                if (!excludedSeen.contains(declared)) {
                    problems.add(module.name() + " excludes " + declared + ", but no such file is in "
                            + module.scripts(Dialect.POSTGRESQL).describe() + " or " + module.scripts(Dialect.SQLITE).describe()
                            + ". Remove the exclusion or restore the file.");
                }
            }
            problems.addAll(dialectParity(module, byDialect));
            if (manifest.isPresent()) {
                // A command compares by content the scripts of its own dialect and modules, the others by name, so a
                // deleted one is still refused.
                boolean runs = selectedModules.contains(module.name());
                String running = IntegrityCheck.upPath(dialect, "");
                problems.addAll(IntegrityCheck.compare(module.name(), manifest, found,
                        path -> everything || (runs && path.startsWith(running))).problems());
            }
        }
        for (Dialect each : Dialect.values()) {
            problems.addAll(duplicateVersions(each, resolved.get(each)));
        }
        if (!problems.isEmpty()) {
            throw new MigrationPlanRefusedException(problems);
        }

        List<ResolvedScript> migrations = resolved.get(dialect).stream()
                .filter(script -> selectedModules.contains(script.module()))
                .sorted(Comparator.comparing(ResolvedScript::version))
                .toList();
        List<ExcludedScript> excludedHere = excluded.stream()
                .filter(script -> script.dialect() == dialect && selectedModules.contains(script.module()))
                .toList();
        List<InMemoryTable> tables = modules.stream()
                .filter(module -> selectedModules.contains(module.name()))
                .flatMap(module -> module.inMemoryTables().stream().sorted().map(table -> new InMemoryTable(module.name(), table)))
                .toList();
        Map<String, Set<String>> dependencies = new TreeMap<>();
        modules.forEach(module -> dependencies.put(module.name(), module.dependsOn()));
        return new MigrationPlan(dialect, selectedModules, migrations, excludedHere, tables, dependencies);
    }

    private List<String> select(Collection<String> selected) {
        List<String> known = modules.stream().map(ModuleDescriptor::name).distinct().toList();
        if (selected.isEmpty()) {
            return known;
        }
        List<String> unknown = selected.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownModuleException(unknown, known);
        }
        return List.copyOf(new LinkedHashSet<>(selected));
    }

    private List<String> duplicateModuleNames() {
        Map<String, Long> counts = modules.stream().collect(Collectors.groupingBy(ModuleDescriptor::name, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> "Module name " + e.getKey() + " is declared " + e.getValue()
                        + " times (classpath and --modules-dir?). Give each module a unique name.")
                .toList();
    }

    private List<String> unknownDependencies() {
        Set<String> known = modules.stream().map(ModuleDescriptor::name).collect(Collectors.toSet());
        return modules.stream().flatMap(module -> module.dependsOn().stream().filter(dependency -> !known.contains(dependency))
                        .map(dependency -> module.name() + " depends on module " + dependency
                                + ", which is not on the class path or in --modules-dir. Add it, or remove the dependency."))
                .toList();
    }

    private static Optional<ResolvedScript> resolveUp(ModuleDescriptor module, Dialect dialect, ScriptFile file, ScriptText text,
                                                      List<String> problems) {
        Optional<ScriptName> name = ScriptName.parse(file.fileName());
        if (name.isEmpty()) {
            problems.add(module.name() + ": " + file.origin() + " is not a valid migration name. Rename it to "
                    + ScriptName.EXPECTED_FORM + " (a real UTC time, lower-case description), or exclude it with a reason.");
            return Optional.empty();
        }
        return Optional.of(new ResolvedScript(module.name(), dialect, name.get().version(), name.get().description(),
                file.fileName(), file.origin(), text, null));
    }

    /**
     * Refuses, before anything runs, scripts about to run that break a content rule ({@link ScriptContentRules}): empty
     * (in Huddle's own modules), touching an in-memory table, controlling the transaction, holding a statement that
     * cannot run in a transaction without the marker that says so, and text no server should be sent. {@link #planToRun}
     * leaves these checks to this, so a start with nothing to apply reads scripts only to compare checksums.
     *
     * @throws MigrationPlanRefusedException naming every problem
     */
    public void refuseBrokenScripts(List<ResolvedScript> toRun) {
        ScriptContentRules rules = new ScriptContentRules(modules);
        List<String> problems = new ArrayList<>();
        toRun.forEach(script -> problems.addAll(rules.problemsOf(script)));
        if (!problems.isEmpty()) {
            throw new MigrationPlanRefusedException(problems);
        }
    }

    /**
     * Each down script by the version it reverts; strays, mismatches and contradictions are refused. Each file is also
     * recorded in {@code found}, by manifest path, when the module is sealed ({@code found} is null otherwise).
     */
    private static Map<String, DownScript> downScripts(ModuleDescriptor module, Dialect dialect, List<ResolvedScript> ups,
                                                       ScriptContentRules rules, List<String> problems,
                                                       Map<String, Supplier<String>> found, boolean read) {
        Map<String, DownScript> downs = new LinkedHashMap<>();
        Map<String, ResolvedScript> upsByVersion = new HashMap<>();
        ups.forEach(up -> upsByVersion.putIfAbsent(up.version(), up));
        for (ScriptFile file : module.downScripts(dialect).list()) {
            ScriptText text = ScriptText.lazy(file.content());
            if (found != null) {
                found.put(IntegrityCheck.downPath(dialect, file.fileName()), text::source);
            }
            Optional<ScriptName> name = ScriptName.parseDown(file.fileName());
            if (name.isEmpty()) {
                problems.add(module.name() + ": " + file.origin() + " is not a valid down script name. Rename it to "
                        + ScriptName.EXPECTED_DOWN_FORM + ", with the version and description of the migration it reverts.");
                continue;
            }
            Optional<ResolvedScript> up = Optional.ofNullable(upsByVersion.get(name.get().version()));
            if (up.isEmpty()) {
                problems.add(module.name() + ": " + file.origin() + " reverts no migration: there is no "
                        + name.get().upFileName() + " in " + module.scripts(dialect).describe() + ". Remove it or restore the migration.");
            } else if (!up.get().description().equals(name.get().description())) {
                problems.add(module.name() + ": " + file.origin() + " does not match " + up.get().fileName()
                        + ". Name it " + new ScriptName(up.get().version(), up.get().description()).downFileName() + ".");
            } else if (read && up.get().directives().has(ScriptDirectives.IRREVERSIBLE)) {
                problems.add(module.name() + ": " + up.get().origin() + " is marked irreversible but has the down script "
                        + file.origin() + ". Remove one of the two.");
            } else {
                DownScript down = new DownScript(file.fileName(), file.origin(), text);
                if (read) {
                    problems.addAll(rules.problemsOf(module.name(), down, up.get()));
                }
                downs.put(name.get().version(), down);
            }
        }
        return downs;
    }

    /** Every up script, and every down script, exists in both dialects unless the up script is marked dialect-only. */
    private static List<String> dialectParity(ModuleDescriptor module, Map<Dialect, Map<String, ResolvedScript>> byDialect) {
        List<String> problems = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (Dialect other : Dialect.values()) {
                if (other == dialect) {
                    continue;
                }
                Map<String, ResolvedScript> there = byDialect.get(other);
                byDialect.get(dialect).forEach((version, script) -> {
                    ResolvedScript counterpart = there.get(version);
                    // Names first: a script's text is read only when the names do not pair up.
                    if (counterpart == null && !script.directives().has(ScriptDirectives.DIALECT_ONLY)) {
                        problems.add(module.name() + ": " + script.origin() + " has no " + other.folderName()
                                + " counterpart. Add " + module.scripts(other).describe() + "/" + script.fileName()
                                + ", or mark the script with '-- huddle:" + ScriptDirectives.DIALECT_ONLY + " <reason>'.");
                    } else if (counterpart != null && script.reversible() && !counterpart.reversible()
                            && !counterpart.directives().has(ScriptDirectives.IRREVERSIBLE)) {
                        problems.add(module.name() + ": " + script.down().origin() + " has no " + other.folderName()
                                + " counterpart. Add " + module.downScripts(other).describe() + "/" + script.down().fileName() + ".");
                    }
                });
            }
        }
        return problems;
    }

    private static List<String> duplicateVersions(Dialect dialect, List<ResolvedScript> scripts) {
        // One pass over every script; only versions found twice get a list.
        Map<String, ResolvedScript> first = new HashMap<>();
        Map<String, List<ResolvedScript>> duplicated = new TreeMap<>();
        for (ResolvedScript script : scripts) {
            ResolvedScript earlier = first.putIfAbsent(script.version(), script);
            if (earlier != null) {
                duplicated.computeIfAbsent(script.version(), version -> new ArrayList<>(List.of(earlier))).add(script);
            }
        }
        return duplicated.values().stream()
                .map(same -> "Version " + same.get(0).version() + " is used " + same.size() + " times in " + dialect.folderName() + ": "
                        + same.stream().map(s -> s.origin() + " (module " + s.module() + ")").collect(Collectors.joining(", "))
                        + ". Every migration needs its own timestamp; give the newer script a later one.")
                .toList();
    }
}
