package dev.huddle.testdatabases;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a migrated template is built from, reduced to a short hash: the dialect, the selected modules with every module
 * they depend on, each script's file and checksum, and the code that writes the history table (so a change to the
 * history format builds new templates). Two plans with the same fingerprint migrate to the same database.
 *
 * @param modules the selected modules and their dependencies, sorted; empty for every module
 * @param hash    32 hexadecimal digits
 */
record PlanFingerprint(Dialect dialect, List<String> modules, String hash) {

    /** The fingerprint of {@code selected} (empty for all modules) and their dependencies, as planned for the dialect. */
    static PlanFingerprint of(Migrations migrations, Collection<String> selected, Dialect dialect) {
        List<String> modules = selected.isEmpty() ? List.of() : withDependencies(migrations.modules(), selected);
        MigrationPlan plan = migrations.onlyModules(modules).plan(dialect);
        MessageDigest digest = sha256();
        update(digest, "huddle test template 1 " + dialect);
        digest.update(historyWriterBytes());
        plan.modules().stream().sorted().forEach(module -> update(digest, "module " + module));
        for (ResolvedScript script : plan.migrations()) {
            update(digest, script.module() + "/" + script.fileName() + " " + script.checksum());
        }
        return new PlanFingerprint(dialect, modules, HexFormat.of().formatHex(digest.digest(), 0, 16));
    }

    /** The named modules and, transitively, every module they depend on; unknown names are left for planning to refuse. */
    private static List<String> withDependencies(List<ModuleDescriptor> discovered, Collection<String> selected) {
        Map<String, Set<String>> dependsOn = discovered.stream()
                .collect(Collectors.toMap(ModuleDescriptor::name, ModuleDescriptor::dependsOn, (a, b) -> a));
        Set<String> found = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(selected);
        while (!next.isEmpty()) {
            String module = next.pop();
            if (found.add(module)) {
                next.addAll(dependsOn.getOrDefault(module, Set.of()));
            }
        }
        return List.copyOf(found);
    }

    /** The compiled history writer: its columns and statements are the history format a template holds. */
    private static byte[] historyWriterBytes() {
        try (InputStream in = HistoryTable.class.getResourceAsStream(HistoryTable.class.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("Cannot read HistoryTable.class from the class path of migration-core");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String line) {
        digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The Migrations limited to this plan's modules. */
    Migrations select(Migrations migrations) {
        return migrations.onlyModules(modules);
    }
}
