package dev.huddle.migration.adopt;

import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.failure.AdoptionRefusedException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.schema.SchemaComparison;
import dev.huddle.migration.schema.SchemaDifference;
import dev.huddle.migration.schema.SchemaModel;
import dev.huddle.migration.schema.SchemaReader;
import dev.huddle.migration.session.DatabaseSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records migrations as adopted on a database whose schema already has what they create. Before recording anything it
 * checks that every table and column those migrations create exists, and refuses, naming each one missing, when not:
 * a row means its migration is applied, so a row for a schema that is not there would be a lie the next migration
 * trips over. Other differences (a column's type, an index) are reported, not refused: the schema has the migration's
 * shape, and {@code drift} shows the rest.
 */
public final class Adopter {
    private final DatabaseSession session;
    private final MigrationPlan plan;

    public Adopter(DatabaseSession session, MigrationPlan plan) {
        this.session = session;
        this.plan = plan;
    }

    /** The plan's migrations of these versions, in plan order; an unknown version is refused. */
    public static List<ResolvedScript> requested(MigrationPlan plan, Collection<String> versions) {
        for (String version : versions) {
            if (plan.find(version).isEmpty()) {
                throw new UnknownVersionException("Version", version, "migration of the selected modules");
            }
        }
        return plan.migrations().stream().filter(script -> versions.contains(script.version())).toList();
    }

    /**
     * The schema the plan's migrations build up to the last requested one, derived on a scratch database that is closed
     * (and dropped) before anything is recorded, with the migration that created each element.
     */
    public static ExpectedSchema expectedUpTo(MigrationPlan plan, List<ResolvedScript> requested, Supplier<ScratchDatabase> scratch) {
        int last = plan.migrations().indexOf(requested.get(requested.size() - 1));
        try (ScratchDatabase database = scratch.get()) {
            return ExpectedSchemaBuilder.build(plan.dialect(), plan.migrations().subList(0, last + 1), database.session());
        }
    }

    /**
     * @param requested the migrations to adopt, in plan order
     * @param expected  the schema of the plan's migrations up to the last requested one, with who created each element
     * @param dryRun    check and report only; the caller holds no lock and nothing is written
     * @throws AdoptionRefusedException when a table or column a requested migration creates is missing
     */
    public AdoptionResult adopt(List<ResolvedScript> requested, ExpectedSchema expected, boolean dryRun) {
        Set<String> recorded = session.readHistory().stream().map(AppliedMigration::version).collect(Collectors.toSet());
        List<ResolvedScript> adopted = requested.stream().filter(script -> !recorded.contains(script.version())).toList();
        List<ResolvedScript> already = requested.stream().filter(script -> recorded.contains(script.version())).toList();
        Set<String> versions = adopted.stream().map(ResolvedScript::version).collect(Collectors.toSet());
        List<SchemaDifference> missing = new ArrayList<>();
        List<SchemaDifference> notes = new ArrayList<>();
        for (SchemaDifference difference : differences(expected)) {
            if (!versions.contains(expected.createdBy().get(difference.element()))) {
                continue;
            }
            (isMissingShape(difference) ? missing : notes).add(difference);
        }
        if (!missing.isEmpty()) {
            throw new AdoptionRefusedException("The database lacks " + missing.size() + " of the tables and columns the migrations to "
                    + "adopt create, so none was recorded:\n" + String.join("\n", missing.stream().map(d -> "  - " + d.module() + ": " + d).toList()),
                    "Adopt up to an earlier version (baseline --to VERSION), create what is missing by hand, or, on an empty database, run up instead.");
        }
        if (!dryRun && !adopted.isEmpty()) {
            record(adopted);
        }
        return new AdoptionResult(adopted, already, notes, dryRun);
    }

    /**
     * The longest run of the plan's migrations, from its first, whose tables and columns the database all has: what a
     * database with no history can adopt by its schema alone. {@code expected} is the whole plan's schema.
     */
    public List<ResolvedScript> presentFromStart(ExpectedSchema expected) {
        Set<String> lacking = new TreeSet<>();
        for (SchemaDifference difference : differences(expected)) {
            if (isMissingShape(difference)) {
                lacking.add(expected.createdBy().get(difference.element()));
            }
        }
        List<ResolvedScript> present = new ArrayList<>();
        for (ResolvedScript script : plan.migrations()) {
            if (lacking.contains(script.version())) {
                break;
            }
            present.add(script);
        }
        return present;
    }

    /** A table or column the database lacks: what adoption can never paper over. */
    private static boolean isMissingShape(SchemaDifference difference) {
        return difference.aspect().equals("missing")
                && (difference.element().startsWith("table ") || difference.element().startsWith("column "));
    }

    private List<SchemaDifference> differences(ExpectedSchema expected) {
        Set<String> ignored = new TreeSet<>(List.of(HistoryTable.NAME));
        plan.inMemoryTables().stream().map(InMemoryTable::table).forEach(ignored::add);
        try {
            SchemaModel live = SchemaReader.of(session.dialect()).read(session.connection()).withoutTables(ignored);
            return SchemaComparison.compare(expected.model().withoutTables(ignored), live, expected.owners(), false);
        } catch (SQLException e) {
            throw session.failure("Cannot read the schema", e);
        }
    }

    /** One transaction: every adopted row, or none. */
    private void record(List<ResolvedScript> adopted) {
        Connection connection = session.connection();
        HistoryTable history = session.history();
        List<HistoryTable.NewRow> rows = adopted.stream().map(script -> new HistoryTable.NewRow(script.version(),
                script.readableDescription(), script.historyPath(), script.checksum(), 0, true)).toList();
        try {
            connection.setAutoCommit(false);
            history.createIfMissing(connection);
            history.insertAdopted(connection, rows, session.installedBy());
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw session.failure("Cannot record the adopted migrations in " + history.qualifiedName(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The session is closed next; nothing is left to commit.
            }
        }
    }
}
