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
 *
 * <p>Longer than most files on purpose: every rule that refuses a plan before a database is touched is here, where a
 * reader can see them all; content rules live in {@link ScriptContentRules}.
 */
public final class MigrationPlanner {
    private final List<ModuleDescriptor> modules;

    public MigrationPlanner(List<ModuleDescriptor> modules) {
        this.modules = List.copyOf(modules);
    }

    /** Every module it plans for, selected or not. */
    public List<ModuleDescriptor> modules() {
        return modules;
    }

    /**
     * The plan a command runs against one database, limited to the named modules (all of them when {@code selected} is
     * empty): every module's scripts checked by name in both dialects (form, duplicates, parity) and against the
     * integrity manifests. What it reads lazily stays behind it: a script's text when it is needed, its module's down
     * scripts when one is asked for. The content rules are left to {@link #refuseBrokenScripts}, for the scripts a
     * command is about to run: an applied script passed them when it ran, and its checksum in the history proves it has
     * not changed since. {@link #checkedPlan} checks everything.
     *
     * @throws MigrationPlanRefusedException when any module's scripts break a planning rule
     * @throws UnknownModuleException        when {@code selected} names a module nobody declared
     */
    public MigrationPlan plan(Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, null, false);
    }

    /**
     * As {@link #plan}, refused only for problems of {@code module} and of the modules that depend on it (whose applied
     * migrations the rollback checks), and problems of no module: a rollback of one module is not held up by a bad
     * script in a module it does not touch.
     */
    public MigrationPlan planForRollbackOf(String module, Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, withDependents(module), false);
    }

    /** The module and every module that depends on it, directly or through others. */
    private Set<String> withDependents(String module) {
        Set<String> found = new LinkedHashSet<>(List.of(module));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ModuleDescriptor each : modules) {
                if (!found.contains(each.name()) && each.dependsOn().stream().anyMatch(found::contains)) {
                    found.add(each.name());
                    grew = true;
                }
            }
        }
        return found;
    }

    /**
     * As {@link #plan}, with every script of both dialects read and checked, down scripts paired and checked too:
     * what {@code validate} and the build use.
     */
    public MigrationPlan checkedPlan(Dialect dialect, Collection<String> selected) {
        return plan(dialect, selected, null, true);
    }

    private MigrationPlan plan(Dialect dialect, Collection<String> selected, Set<String> accountable, boolean everything) {
        List<String> selectedModules = select(selected);
        Problems problems = new Problems();
        duplicateModuleNames().forEach(problem -> problems.add(null, problem));
        unknownDependencies().forEach(problems::add);
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
                DownScripts downs = new DownScripts(module.name(), module.scripts(each).describe(), downFiles(module, each, found));
                List<ResolvedScript> ups = new ArrayList<>();
                for (ScriptFile file : module.scripts(each).list()) {
                    ScriptText text = ScriptText.lazy(file.read());
                    if (found != null) {
                        found.put(IntegrityCheck.upPath(each, file.fileName()), text::source);
                    }
                    String reason = module.excludedScripts().get(file.fileName());
                    if (reason != null) {
                        excludedSeen.add(file.fileName());
                        excluded.add(new ExcludedScript(module.name(), each, file.fileName(), reason));
                    } else {
                        resolveUp(module, each, file, text, downs, problems).ifPresent(ups::add);
                    }
                }
                downs.pairWith(ups);
                if (everything) {
                    ups.forEach(up -> problems.addAll(module.name(), rules.problemsOf(up)));
                    problems.addAll(module.name(), downScriptProblems(module, downs, ups, rules));
                }
                Map<String, ResolvedScript> byVersion = new LinkedHashMap<>();
                for (ResolvedScript up : ups) {
                    resolved.get(each).add(up);
                    byVersion.putIfAbsent(up.version(), up);
                }
                byDialect.put(each, byVersion);
            }
            for (String declared : module.excludedScripts().keySet()) {
                if (!excludedSeen.contains(declared)) {
                    problems.add(module.name(), module.name() + " excludes " + declared + ", but no such file is in "
                            + module.scripts(Dialect.POSTGRESQL).describe() + " or " + module.scripts(Dialect.SQLITE).describe()
                            + ". Remove the exclusion or restore the file.");
                }
            }
            problems.addAll(module.name(), dialectParity(module, byDialect, everything));
            if (manifest.isPresent()) {
                // A command compares by content the scripts of its own dialect and modules, the others by name, so a
                // deleted one is still refused.
                boolean runs = selectedModules.contains(module.name());
                String running = IntegrityCheck.upPath(dialect, "");
                problems.addAll(module.name(), IntegrityCheck.compare(module.name(), manifest, module::shippedManifest, found,
                        path -> everything || (runs && path.startsWith(running))).problems());
            }
        }
        for (Dialect each : Dialect.values()) {
            duplicateVersions(each, resolved.get(each), problems);
        }
        List<String> refusing = problems.of(accountable);
        if (!refusing.isEmpty()) {
            throw new MigrationPlanRefusedException(refusing);
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

    /**
     * A module's down script files: listed now for a sealed module, whose manifest must find each of them by name, else
     * when first needed.
     */
    private static Supplier<List<ScriptFile>> downFiles(ModuleDescriptor module, Dialect dialect, Map<String, Supplier<String>> found) {
        if (found == null) {
            return () -> module.downScripts(dialect).list();
        }
        List<ScriptFile> files = module.downScripts(dialect).list();
        files.forEach(file -> found.put(IntegrityCheck.downPath(dialect, file.fileName()), file.content()));
        return () -> files;
    }

    /**
     * Problems by the module they belong to, so a command can be refused only for the modules it answers for; a problem
     * of no module (or of several) refuses every command.
     */
    private static final class Problems {
        private final List<Map.Entry<Set<String>, String>> all = new ArrayList<>();

        void add(String module, String problem) {
            all.add(Map.entry(module == null ? Set.of() : Set.of(module), problem));
        }

        void addAll(String module, Collection<String> problems) {
            problems.forEach(problem -> add(module, problem));
        }

        void addShared(Set<String> modules, String problem) {
            all.add(Map.entry(modules, problem));
        }

        /** The problems that refuse a command answering for {@code accountable} modules (null: every module). */
        List<String> of(Set<String> accountable) {
            return all.stream()
                    .filter(entry -> accountable == null || entry.getKey().isEmpty()
                            || entry.getKey().stream().anyMatch(accountable::contains))
                    .map(Map.Entry::getValue)
                    .toList();
        }
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

    /** Each problem by its module's name. */
    private Map<String, String> unknownDependencies() {
        Set<String> known = modules.stream().map(ModuleDescriptor::name).collect(Collectors.toSet());
        Map<String, String> problems = new LinkedHashMap<>();
        for (ModuleDescriptor module : modules) {
            module.dependsOn().stream().filter(dependency -> !known.contains(dependency)).forEach(dependency ->
                    problems.merge(module.name(), module.name() + " depends on module " + dependency + ", which is not on the "
                            + "class path or in --modules-dir. Add it, or remove the dependency.", (a, b) -> a + " " + b));
        }
        return problems;
    }

    private static Optional<ResolvedScript> resolveUp(ModuleDescriptor module, Dialect dialect, ScriptFile file, ScriptText text,
                                                      DownScripts downs, Problems problems) {
        Optional<ScriptName> name = ScriptName.parse(file.fileName());
        if (name.isEmpty() && ScriptName.parseDown(file.fileName()).isPresent()) {
            // Flyway's undo naming: people put down scripts beside the up scripts, where they would run as migrations.
            String downFolder = module.directory().map(dir -> dir.resolve("down").resolve(dialect.folderName()) + "/")
                    .orElse(ModuleDescriptor.downFolder(module.name(), dialect) + "/ in the module's resources");
            problems.add(module.name(), module.name() + ": " + file.origin() + " is a down script in an up script folder. Move "
                    + "it to " + downFolder + ", where down scripts belong.");
            return Optional.empty();
        }
        if (name.isEmpty()) {
            problems.add(module.name(), module.name() + ": " + file.origin() + " is not a valid migration name. Rename it to "
                    + ScriptName.EXPECTED_FORM + " (a real UTC time, lower-case description), or exclude it with a reason.");
            return Optional.empty();
        }
        return Optional.of(new ResolvedScript(module.name(), dialect, name.get().version(), name.get().description(),
                file.fileName(), file.origin(), text, downs));
    }

    /**
     * Refuses, before anything runs, scripts about to run that break a content rule ({@link ScriptContentRules}): empty
     * (in Huddle's own modules), touching an in-memory table, controlling the transaction, holding a statement that
     * cannot run in a transaction without the marker that says so, and text no server should be sent. {@link #plan}
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
     * What is wrong with a module's down scripts in one dialect: names that pair with no migration or the wrong one, a
     * down script for a migration marked irreversible, and the content rules down scripts must pass.
     */
    private static List<String> downScriptProblems(ModuleDescriptor module, DownScripts downs, List<ResolvedScript> ups,
                                                   ScriptContentRules rules) {
        List<String> problems = new ArrayList<>(downs.problems());
        Map<String, DownScript> paired = downs.all();
        for (ResolvedScript up : ups) {
            DownScript down = paired.get(up.version());
            if (down == null) {
                continue;
            }
            if (up.directives().has(ScriptDirectives.IRREVERSIBLE)) {
                problems.add(module.name() + ": " + up.origin() + " is marked irreversible but has the down script "
                        + down.origin() + ". Remove one of the two.");
            } else {
                problems.addAll(rules.problemsOf(module.name(), down, up));
            }
        }
        return problems;
    }

    /**
     * Every up script exists in both dialects unless it is marked dialect-only; with {@code downsToo}, every down script
     * as well (which pairs them, so only the checks that look at everything do).
     */
    private static List<String> dialectParity(ModuleDescriptor module, Map<Dialect, Map<String, ResolvedScript>> byDialect,
                                              boolean downsToo) {
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
                    } else if (downsToo && counterpart != null && script.downs().all().containsKey(version)
                            && !counterpart.downs().all().containsKey(version)
                            && !counterpart.directives().has(ScriptDirectives.IRREVERSIBLE)) {
                        DownScript down = script.downs().all().get(version);
                        problems.add(module.name() + ": " + down.origin() + " has no " + other.folderName()
                                + " counterpart. Add " + module.downScripts(other).describe() + "/" + down.fileName() + ".");
                    }
                });
            }
        }
        return problems;
    }

    private static void duplicateVersions(Dialect dialect, List<ResolvedScript> scripts, Problems problems) {
        // One pass over every script; only versions found twice get a list.
        Map<String, ResolvedScript> first = new HashMap<>();
        Map<String, List<ResolvedScript>> duplicated = new TreeMap<>();
        for (ResolvedScript script : scripts) {
            ResolvedScript earlier = first.putIfAbsent(script.version(), script);
            if (earlier != null) {
                duplicated.computeIfAbsent(script.version(), version -> new ArrayList<>(List.of(earlier))).add(script);
            }
        }
        duplicated.values().forEach(same -> problems.addShared(same.stream().map(ResolvedScript::module).collect(Collectors.toSet()),
                "Version " + same.get(0).version() + " is used " + same.size() + " times in " + dialect.folderName() + ": "
                        + same.stream().map(s -> s.origin() + " (module " + s.module() + ")").collect(Collectors.joining(", "))
                        + ". Every migration needs its own timestamp; give the newer script a later one."));
    }
}
