package dev.huddle.migration.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders names so that each comes after the names it depends on (a view after the views it reads), keeping the given order otherwise. */
final class DependencyOrder {
    private DependencyOrder() {
    }

    /**
     * @param dependsOn name to the names it needs first; a name outside {@code names} is not waited for
     * @return every name once; names in a cycle, which no engine accepts anyway, last in their given order
     */
    static List<String> of(Collection<String> names, Map<String, Set<String>> dependsOn) {
        Set<String> placed = new LinkedHashSet<>();
        List<String> waiting = new ArrayList<>(names);
        while (!waiting.isEmpty()) {
            // The first name whose needs are met, so that everything keeps its given place unless it must wait.
            String next = waiting.stream().filter(name -> dependsOn.getOrDefault(name, Set.of()).stream()
                    .allMatch(needed -> needed.equals(name) || placed.contains(needed) || !names.contains(needed))).findFirst().orElse(null);
            if (next == null) {
                placed.addAll(waiting);
                break;
            }
            placed.add(next);
            waiting.remove(next);
        }
        return new ArrayList<>(placed);
    }
}
