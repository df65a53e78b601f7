package dev.huddle.migration.integrity;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The order-file rule: every migration of the modules the file keeps is listed once, under its module, in the order it
 * joined; a line older than the newest line before it is refused unless the script says
 * {@code -- huddle:out-of-order <reason>}. The file keeps the modules packed in jars ({@code seal} appends theirs) and
 * any other module it names; lines of modules outside the check still set the newest version so far.
 */
public final class MigrationOrderCheck {
    /** The file's name at the repository root. */
    public static final String FILE = "migration-order.txt";

    private MigrationOrderCheck() {
    }

    /**
     * Reads the order file and checks it against the selected modules it keeps, with their up scripts of both dialects
     * from {@code plans}; the plans are asked for only when the file keeps any module. A migration not sealed yet need
     * not be listed: {@code seal} appends it, and until then it may change or go.
     */
    public static List<String> check(Path orderFile, Collection<ModuleDescriptor> modules, Function<Dialect, MigrationPlan> plans) {
        MigrationOrder order;
        try {
            order = MigrationOrder.parse(Files.readString(orderFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + orderFile, e);
        }
        Set<String> kept = keptModules(order, modules);
        if (kept.isEmpty()) {
            return List.of();
        }
        List<ResolvedScript> scripts = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            MigrationPlan plan = plans.apply(dialect);
            kept.retainAll(plan.modules());
            scripts.addAll(plan.migrations());
        }
        Set<String> sealed = new HashSet<>();
        for (ModuleDescriptor module : modules) {
            if (kept.contains(module.name())) {
                module.integrityManifest().map(IntegrityManifest::parse)
                        .ifPresent(manifest -> manifest.sha256ByPath().keySet().forEach(path -> sealed.add(module.name() + "/" + path)));
            }
        }
        return problems(order, kept, scripts,
                script -> sealed.contains(script.module() + "/" + IntegrityCheck.upPath(script.dialect(), script.fileName())));
    }

    /** The modules whose migrations the order file keeps: those packed in jars, and any other it names. */
    public static Set<String> keptModules(MigrationOrder order, Collection<ModuleDescriptor> modules) {
        Set<String> named = new HashSet<>();
        order.entries().forEach(entry -> named.add(entry.module()));
        Set<String> kept = new HashSet<>();
        for (ModuleDescriptor module : modules) {
            if (module.directory().isEmpty() || named.contains(module.name())) {
                kept.add(module.name());
            }
        }
        return kept;
    }

    /**
     * What is wrong with the order file for these modules' up scripts (either dialect, or both), one sentence each;
     * empty when it is right.
     */
    public static List<String> problems(MigrationOrder order, Set<String> modules, List<ResolvedScript> scripts) {
        return problems(order, modules, scripts, script -> true);
    }

    /** As {@link #problems(MigrationOrder, Set, List)}, with only the migrations {@code mustBeListed} accepts missed. */
    static List<String> problems(MigrationOrder order, Set<String> modules, List<ResolvedScript> scripts,
                                 Predicate<ResolvedScript> mustBeListed) {
        Map<String, List<ResolvedScript>> byVersion = new LinkedHashMap<>();
        for (ResolvedScript script : scripts) {
            if (modules.contains(script.module())) {
                byVersion.computeIfAbsent(script.version(), version -> new ArrayList<>()).add(script);
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        String newest = "";
        for (MigrationOrder.Entry entry : order.entries()) {
            boolean older = entry.version().compareTo(newest) < 0;
            if (!modules.contains(entry.module())) {
                newest = older ? newest : entry.version();
                continue;
            }
            List<ResolvedScript> found = byVersion.getOrDefault(entry.version(), List.of()).stream()
                    .filter(script -> script.module().equals(entry.module())).toList();
            if (found.isEmpty()) {
                problems.add(FILE + " lists " + entry + ", but module " + entry.module() + " has no migration " + entry.version()
                        + ": correct the line's module, or remove the line if the script never shipped.");
            } else if (!listed.add(entry.version())) {
                problems.add(FILE + " lists " + entry + " twice: keep only the first line.");
            } else if (older && found.stream().noneMatch(script -> script.directives().hasWithReason(ScriptDirectives.OUT_OF_ORDER))) {
                problems.add(FILE + ": " + found.get(0).historyPath() + " joined after " + newest + " but is older: give it a later "
                        + "timestamp, or allow it with '-- huddle:out-of-order <reason>'.");
            }
            newest = older ? newest : entry.version();
        }
        byVersion.forEach((version, found) -> {
            if (!listed.contains(version) && found.stream().anyMatch(mustBeListed)) {
                problems.add(found.get(0).historyPath() + " is not in " + FILE + ": run 'huddle-migrate seal " + found.get(0).module()
                        + "' and commit the file.");
            }
        });
        return problems;
    }
}
