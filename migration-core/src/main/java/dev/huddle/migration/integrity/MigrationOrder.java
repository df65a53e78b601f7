package dev.huddle.migration.integrity;

import dev.huddle.migration.failure.MalformedIntegrityFileException;

import java.util.ArrayList;
import java.util.List;

/**
 * The committed order in which migrations joined the repository, one {@code <version> <module>} per line. New
 * migrations are only ever appended, so a branch merged late shows up as a version older than the line before it.
 */
public record MigrationOrder(List<Entry> entries) {

    /** One line of the order file. */
    public record Entry(String version, String module) {
        @Override
        public String toString() {
            return version + " " + module;
        }
    }

    public MigrationOrder {
        entries = List.copyOf(entries);
    }

    public static MigrationOrder parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new MalformedIntegrityFileException("Malformed migration order line: '" + entry + "'; expected '<version> <module>'.", "");
            }
            entries.add(new Entry(parts[0], parts[1]));
        }
        return new MigrationOrder(entries);
    }

    public String format() {
        StringBuilder text = new StringBuilder("# The order in which migrations joined the repository: '<version> <module>'.\n"
                + "# Only ever appended to, by 'huddle-migrate seal'. A version older than the line before it must be\n"
                + "# allowed by its script with '-- huddle:out-of-order <reason>'.\n");
        entries.forEach(entry -> text.append(entry).append('\n'));
        return text.toString();
    }

    public boolean contains(String version) {
        return entries.stream().anyMatch(entry -> entry.version().equals(version));
    }

    /** The order without one line: a seal taken back before it shipped. */
    public MigrationOrder without(Entry entry) {
        return new MigrationOrder(entries.stream().filter(each -> !each.equals(entry)).toList());
    }

    public MigrationOrder append(List<Entry> more) {
        List<Entry> all = new ArrayList<>(entries);
        more.stream().filter(entry -> !contains(entry.version())).forEach(all::add);
        return new MigrationOrder(all);
    }
}
