package dev.huddle.migration.plan;

import dev.huddle.migration.discover.Dialect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every selected module's migrations for one dialect, merged into one list ordered by version. A plan has
 * passed every planning check; it says nothing yet about what a database has applied.
 *
 * @param dependencies every discovered module by name, selected or not, with the modules it depends on
 */
public record MigrationPlan(Dialect dialect, List<String> modules, List<ResolvedScript> migrations,
                            List<ExcludedScript> excluded, List<InMemoryTable> inMemoryTables,
                            Map<String, Set<String>> dependencies) {

    public MigrationPlan {
        modules = List.copyOf(modules);
        migrations = List.copyOf(migrations);
        excluded = List.copyOf(excluded);
        inMemoryTables = List.copyOf(inMemoryTables);
        dependencies = Map.copyOf(dependencies);
    }

    /** The modules that declare they depend on {@code module}. */
    public Set<String> dependentsOf(String module) {
        Set<String> dependents = new TreeSet<>();
        dependencies.forEach((name, dependsOn) -> {
            if (dependsOn.contains(module)) {
                dependents.add(name);
            }
        });
        return dependents;
    }

    /** Whether any module on the class path or in --modules-dir has this name, selected or not. */
    public boolean declaresModule(String module) {
        // Every discovered module has an entry, with or without dependencies.
        return modules.contains(module) || dependencies.containsKey(module);
    }

    public boolean includesModule(String module) {
        return modules.contains(module);
    }

    public Optional<ResolvedScript> find(String version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }
}
