package dev.huddle.migration.squash;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.SquashRefusedException;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.schema.SchemaComparison;
import dev.huddle.migration.schema.SchemaDifference;
import dev.huddle.migration.schema.SchemaScript;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a module's squashed baseline for one dialect: applies the module's migrations up to a version (after those of
 * the modules it depends on) to a scratch database, writes the SQL that builds the module's part of that schema
 * ({@link SchemaScript}), and proves it on a second scratch database, whose schema must equal the first. Refuses, before
 * anything is written, what a schema-only script run in one transaction cannot stand for.
 */
public final class Squasher {
    /** Statements whose effect the schema model does not hold, so a baseline read from it would silently lose them. */
    private static final Pattern OUTSIDE_THE_MODEL = Pattern.compile("\\b(?:(?:CREATE|ALTER|DROP)\\s+(?:ROLE|USER|GROUP|POLICY|EXTENSION|SCHEMA"
            + "|DOMAIN|MATERIALIZED\\s+VIEW|EVENT\\s+TRIGGER|PUBLICATION|SUBSCRIPTION|RULE|AGGREGATE|OPERATOR|STATISTICS|CAST"
            + "|TEXT\\s+SEARCH|FOREIGN|SERVER|VIRTUAL\\s+TABLE)|GRANT|REVOKE|SECURITY\\s+LABEL|ROW\\s+LEVEL\\s+SECURITY"
            + "|OWNER\\s+TO|DEFAULT\\s+PRIVILEGES)(?!\\w)|\\bCREATE\\s+TYPE\\s+\\S+\\s+AS\\s*(?:\\(|RANGE\\b)"
            // Comments are kept on what the model holds; one on a schema, an extension, a role or the like would be lost.
            + "|\\bCOMMENT\\s+ON\\s+(?!(?:TABLE|COLUMN|VIEW|INDEX|SEQUENCE|FUNCTION|PROCEDURE|TYPE|CONSTRAINT|TRIGGER)\\s)\\w+(?:\\s+\\w+)?",
            Pattern.CASE_INSENSITIVE);

    private Squasher() {
    }

    /**
     * @param plan    every module's plan for the dialect
     * @param scratch a new empty database of the dialect at each call; two are used
     * @throws SquashRefusedException when the range cannot be squashed faithfully; nothing is written
     */
    public static SquashedBaseline squash(MigrationPlan plan, String module, String toVersion, Supplier<ScratchDatabase> scratch) {
        List<ResolvedScript> range = plan.migrations().stream()
                .filter(script -> script.module().equals(module) && script.version().compareTo(toVersion) <= 0).toList();
        Dialect dialect = plan.dialect();
        String where = "module " + module + " on " + dialect.folderName();
        if (range.size() < 2) {
            throw new SquashRefusedException("Nothing to squash: " + where + " has " + range.size() + " migration" + (range.size() == 1 ? "" : "s")
                    + " up to " + toVersion + ".", "Squash to a later version: a baseline stands for two migrations or more.");
        }
        refuseUnrepresentable(range, where);
        Set<String> dependencies = related(plan, module, true);
        Set<String> related = new LinkedHashSet<>(dependencies);
        related.addAll(related(plan, module, false));
        String first = range.get(0).version();
        for (ResolvedScript script : plan.migrations()) {
            if (related.contains(script.module()) && script.version().compareTo(first) > 0 && script.version().compareTo(toVersion) < 0) {
                throw new SquashRefusedException("Cannot squash " + where + " up to " + toVersion + ": module " + script.module() + ", which "
                        + (dependencies.contains(script.module()) ? module + " depends on" : "depends on " + module) + ", has migration "
                        + script.version() + " between the squashed ones, and a baseline runs at one point of the order.",
                        "Squash to a version before " + script.version() + ".");
            }
        }
        List<ResolvedScript> built = plan.migrations().stream()
                .filter(script -> dependencies.contains(script.module()) && script.version().compareTo(toVersion) <= 0 || range.contains(script))
                .toList();
        ExpectedSchema expected;
        String sql;
        try (ScratchDatabase database = scratch.get()) {
            expected = ExpectedSchemaBuilder.build(dialect, built, database.session());
            refuseRows(database, expected, module, where, toVersion);
            sql = SchemaScript.of(dialect).render(database.session().connection(), key -> module.equals(expected.owners().get(key)));
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("Cannot read the scratch database's schema: " + e.getMessage() + ".", e);
        }
        Map<String, Integer> squashed = new LinkedHashMap<>();
        range.forEach(script -> squashed.put(script.version(), script.checksum()));
        SquashedBaseline baseline = new SquashedBaseline(module, dialect, squashed, SquashedBaseline.render(module, dialect, squashed, sql));
        proveRebuilds(baseline, built, range, expected, scratch, where);
        return baseline;
    }

    private static void refuseUnrepresentable(List<ResolvedScript> range, String where) {
        List<String> problems = new ArrayList<>();
        for (ResolvedScript script : range) {
            if (script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION)) {
                problems.add(script.fileName() + " runs outside a transaction (" + ScriptDirectives.NO_TRANSACTION + "), and a baseline "
                        + "runs in the transaction of the run that applies it");
            }
            if (script.directives().hasWithReason(ScriptDirectives.OUT_OF_ORDER)) {
                problems.add(script.fileName() + " joined the order after later migrations (" + ScriptDirectives.OUT_OF_ORDER
                        + "), so the squashed range is not a prefix of the order databases applied");
            }
            Matcher outside = OUTSIDE_THE_MODEL.matcher(script.scanned().code());
            if (outside.find()) {
                problems.add(script.fileName() + " has '" + outside.group().replaceAll("\\s+", " ") + "', whose effect is not part of the "
                        + "schema a baseline is written from (roles, grants, policies, extensions, domains and the like)");
            }
        }
        if (!problems.isEmpty()) {
            throw new SquashRefusedException("Cannot squash " + where + ":\n  - " + String.join("\n  - ", problems),
                    "Squash to a version before the first of these migrations.");
        }
    }

    /** A baseline carries schema only: rows the migrations leave (a settings row, lookup values) would be lost. */
    private static void refuseRows(ScratchDatabase database, ExpectedSchema expected, String module, String where, String toVersion)
            throws SQLException {
        List<String> filled = new ArrayList<>();
        try (Statement statement = database.session().connection().createStatement()) {
            for (String table : expected.model().tables().keySet()) {
                if (!module.equals(expected.owners().get("table " + table))) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("select count(*) from " + SchemaScript.identifier(table))) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        filled.add(table + " (" + rows.getLong(1) + (rows.getLong(1) == 1 ? " row)" : " rows)"));
                    }
                }
            }
        }
        if (!filled.isEmpty()) {
            throw new SquashRefusedException("Cannot squash " + where + " up to " + toVersion + ": its migrations leave rows in "
                    + String.join(", ", filled) + ", and a baseline is written from the schema alone, so a fresh database would lack them.",
                    "Squash to a version before the migration that inserts them.");
        }
    }

    /** Builds the same databases with the baseline in the originals' place and refuses any difference from the originals' schema. */
    private static void proveRebuilds(SquashedBaseline baseline, List<ResolvedScript> built, List<ResolvedScript> range, ExpectedSchema expected,
                                      Supplier<ScratchDatabase> scratch, String where) {
        ResolvedScript first = range.get(0);
        List<ResolvedScript> withBaseline = new ArrayList<>();
        for (ResolvedScript script : built) {
            if (script == first) {
                withBaseline.add(new ResolvedScript(first.module(), first.dialect(), first.version(), "squashed_baseline", baseline.fileName(),
                        baseline.resourcePath(), baseline.sql(), null));
            } else if (!range.contains(script)) {
                withBaseline.add(script);
            }
        }
        ExpectedSchema rebuilt;
        try (ScratchDatabase database = scratch.get()) {
            rebuilt = ExpectedSchemaBuilder.build(baseline.dialect(), withBaseline, database.session());
        } catch (RuntimeException e) {
            throw new SquashRefusedException("The baseline written for " + where + " does not run on an empty database: " + e.getMessage(),
                    "This is a bug in squash or a kind of object it cannot write; the migrations were left as they are.");
        }
        List<SchemaDifference> differences = SchemaComparison.compare(expected.model(), rebuilt.model(), expected.owners(), true);
        if (!differences.isEmpty()) {
            throw new SquashRefusedException("The baseline written for " + where + " does not rebuild what its migrations build:\n  - "
                    + String.join("\n  - ", differences.stream().map(SchemaDifference::toString).toList()),
                    "This is a bug in squash or a kind of object it cannot write; the migrations were left as they are.");
        }
    }

    /** The modules {@code module} depends on ({@code dependencies}) or that depend on it, directly or through others. */
    private static Set<String> related(MigrationPlan plan, String module, boolean dependencies) {
        Set<String> found = new LinkedHashSet<>();
        List<String> frontier = new ArrayList<>(List.of(module));
        while (!frontier.isEmpty()) {
            String next = frontier.remove(0);
            Set<String> step = dependencies ? plan.dependencies().getOrDefault(next, Set.of()) : plan.dependentsOf(next);
            for (String each : step) {
                if (found.add(each)) {
                    frontier.add(each);
                }
            }
        }
        return found;
    }
}
