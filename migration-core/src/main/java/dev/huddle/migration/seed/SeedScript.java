package dev.huddle.migration.seed;

import dev.huddle.migration.failure.MalformedScriptException;

import java.util.Arrays;
import java.util.List;

/**
 * A module's sample data for one dialect, and the tables it fills, declared on a line of its own:
 * {@code -- huddle:seed-tables meetings, participants} (parents before children; a script that only updates rows
 * the migrations wrote declares none). Those tables must be empty before it runs, or cleared by {@code --force}.
 *
 * @param path where it was found, for messages
 */
public record SeedScript(String module, String path, String sql, List<String> tables) {
    static final String TABLES_MARKER = "-- huddle:seed-tables";

    public SeedScript {
        tables = List.copyOf(tables);
    }

    static SeedScript parse(String module, String path, String sql) {
        return sql.lines().map(String::strip).filter(line -> line.startsWith(TABLES_MARKER)).findFirst()
                .map(line -> new SeedScript(module, path, sql, tableNames(line.substring(TABLES_MARKER.length()))))
                .orElseThrow(() -> new MalformedScriptException("Seed script " + path + " does not say which tables it fills. "
                        + "Add a line '" + TABLES_MARKER + " table_a, table_b' (or the marker alone if it fills none)."));
    }

    private static List<String> tableNames(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(name -> !name.isEmpty()).toList();
    }
}
