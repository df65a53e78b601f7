package dev.huddle.migration.squash;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ScriptFile;
import dev.huddle.migration.failure.MalformedScriptException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's squashed baseline for one dialect: the SQL that builds, on a database without them, what the module's
 * migrations up to its last squashed version build, and those migrations' versions with the checksums they had when it
 * was written. It lives in {@code db/huddle/<module>/squashed/<dialect>/B<version>__squashed_baseline.sql}; each squashed
 * migration is a header line {@code -- huddle:squashes <version> <checksum>}, so a baseline whose originals changed since
 * is recognised and left unused.
 *
 * @param squashed version to checksum, in version order
 */
public record SquashedBaseline(String module, Dialect dialect, Map<String, Integer> squashed, String sql) {
    private static final Pattern SQUASHES = Pattern.compile("(?m)^-- huddle:squashes (\\d{14}) (-?\\d+)\\s*$");
    private static final Pattern FILE_NAME = Pattern.compile("B(\\d{14})__squashed_baseline\\.sql");

    public SquashedBaseline {
        squashed = new LinkedHashMap<>(squashed);
    }

    /** The baseline {@code squash} wrote for the module and dialect, if there is one. */
    public static Optional<SquashedBaseline> of(ModuleDescriptor module, Dialect dialect) {
        List<ScriptFile> files = module.squashedBaselines(dialect) == null ? List.of() : module.squashedBaselines(dialect).list();
        for (ScriptFile file : files) {
            if (FILE_NAME.matcher(file.fileName()).matches()) {
                return Optional.of(parse(module.name(), dialect, file.origin(), file.content().get()));
            }
        }
        return Optional.empty();
    }

    /** Every selected module's baseline for the dialect. */
    public static List<SquashedBaseline> all(List<ModuleDescriptor> modules, Dialect dialect) {
        List<SquashedBaseline> baselines = new ArrayList<>();
        modules.forEach(module -> of(module, dialect).ifPresent(baselines::add));
        return baselines;
    }

    static SquashedBaseline parse(String module, Dialect dialect, String origin, String text) {
        Map<String, Integer> squashed = new LinkedHashMap<>();
        Matcher matcher = SQUASHES.matcher(text);
        while (matcher.find()) {
            squashed.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        if (squashed.isEmpty()) {
            throw new MalformedScriptException(origin + " is a squashed baseline without '-- huddle:squashes <version> <checksum>' lines."
                    + " Write it again with 'huddle-migrate squash', or delete it to apply the original migrations.");
        }
        return new SquashedBaseline(module, dialect, squashed, text);
    }

    /**
     * Why {@code up} would not use it against this plan's scripts (an original edited since it was written, or gone),
     * or empty when it still stands for them. Fresh databases then run the originals: correct, only slower.
     */
    public Optional<String> staleness(MigrationPlan plan) {
        List<String> changed = new ArrayList<>();
        squashed.forEach((version, checksum) -> {
            Optional<ResolvedScript> script = plan.migrations().stream()
                    .filter(each -> each.module().equals(module) && each.version().equals(version)).findFirst();
            if (script.isEmpty() || script.get().checksum() != checksum) {
                changed.add(version + (script.isEmpty() ? " (gone)" : " (edited)"));
            }
        });
        return changed.isEmpty() ? Optional.empty() : Optional.of("the squashed baseline of " + module + " on " + dialect.folderName()
                + " no longer stands for " + String.join(", ", changed) + ", so fresh databases run the originals; run squash again.");
    }

    /** The last version it stands for, which names its file. */
    public String lastVersion() {
        return squashed.keySet().stream().reduce((first, second) -> second).orElseThrow();
    }

    public String fileName() {
        return "B" + lastVersion() + "__squashed_baseline.sql";
    }

    /** Where it lives inside a module's folder on the class path or in the sources. */
    public String resourcePath() {
        return ModuleDescriptor.squashedFolder(module, dialect) + "/" + fileName();
    }

    /** The file's text: a header saying what it is and how it is used, the squashed versions, then the schema. */
    public static String render(String module, Dialect dialect, Map<String, Integer> squashed, String schemaSql) {
        StringBuilder text = new StringBuilder();
        String last = squashed.keySet().stream().reduce((first, second) -> second).orElseThrow();
        text.append("-- Squashed baseline of module ").append(module).append(" on ").append(dialect.folderName())
                .append(": the schema its migrations build up to ").append(last).append(".\n")
                .append("-- Written by 'huddle-migrate squash'. A database without any of the migrations below runs this script in\n")
                .append("-- their place and records each of them as applied; every other database runs the originals, which stay.\n");
        squashed.forEach((version, checksum) -> text.append("-- huddle:squashes ").append(version).append(' ').append(checksum).append('\n'));
        return text.append('\n').append(schemaSql).toString();
    }
}
