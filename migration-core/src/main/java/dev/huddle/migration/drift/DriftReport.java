package dev.huddle.migration.drift;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.schema.SchemaDifference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a live database's schema differs from what its modules' migrations build; clean when it does not.
 *
 * @param modules the modules compared
 * @param ignoredTables tables left out on purpose: the history table and the declared in-memory tables
 */
public record DriftReport(Dialect dialect, String database, List<String> modules, List<String> ignoredTables,
                          List<SchemaDifference> differences) {

    public DriftReport {
        modules = List.copyOf(modules);
        ignoredTables = List.copyOf(ignoredTables);
        differences = List.copyOf(differences);
    }

    public boolean isClean() {
        return differences.isEmpty();
    }

    /** The differences grouped by module, modules in name order, elements as found. */
    public Map<String, List<SchemaDifference>> byModule() {
        Map<String, List<SchemaDifference>> grouped = new TreeMap<>();
        differences.forEach(difference -> grouped.computeIfAbsent(difference.module(), module -> new ArrayList<>()).add(difference));
        return new LinkedHashMap<>(grouped);
    }
}
