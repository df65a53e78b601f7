package dev.huddle.migration.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link StatusReport} as plain maps, lists and scalars, the one shape both {@code status --json} and the app's
 * {@code /migrations} endpoint print: every migration with module, version, state and times, the in-memory tables,
 * and a count per state.
 */
public final class StatusJson {
    private StatusJson() {
    }

    public static Map<String, Object> of(StatusReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", report.dialect().folderName());
        root.put("database", report.database());
        root.put("migrations", report.migrations().stream().map(StatusJson::of).toList());
        root.put("inMemoryTables", report.inMemoryTables().stream()
                .map(table -> Map.of("module", table.module(), "table", table.table())).toList());
        Map<String, Long> summary = new LinkedHashMap<>();
        for (MigrationState state : MigrationState.values()) {
            summary.put(state.label(), report.count(state));
        }
        root.put("summary", summary);
        return root;
    }

    private static Map<String, Object> of(MigrationStatus status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("module", status.module());
        entry.put("version", status.version());
        entry.put("description", status.description());
        entry.put("script", status.script());
        entry.put("state", status.state().label());
        entry.put("installedOn", status.installedOn() == null ? null : status.installedOn().toString());
        entry.put("executionTimeMs", status.executionTimeMillis());
        entry.put("reversible", status.reversible());
        if (status.note() != null) {
            entry.put("note", status.note());
        }
        return entry;
    }
}
