package dev.huddle.migration.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.huddle.migration.Migrations;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.drift.DriftCheck;
import dev.huddle.migration.drift.DriftReport;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ExpectedSchemaBuilder;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.schema.SchemaDifference;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class DriftCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("drift", "Compare the database's schema with the one its modules' migrations "
            + "build (derived on a scratch database of the same engine); exit 0 if they match, 3 if they drifted.",
            List.of(Option.flag("--json", "Print one JSON object instead of a list.")));

    private final boolean json;

    DriftCommand(ParsedArguments arguments) {
        json = arguments.flag("--json");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) throws JsonProcessingException {
        DriftReport report = check(options);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asJson(report)));
        } else if (report.isClean()) {
            out.println("No drift: " + report.database() + " has the schema the migrations of " + String.join(", ", report.modules())
                    + " build.");
        } else {
            print(report, out);
        }
        return report.isClean() ? ExitCodes.OK : ExitCodes.VALIDATION_REFUSED;
    }

    /**
     * The drift of the database the options name: the plan's migrations applied to a scratch database beside it,
     * dropped afterwards, and the result compared with the live schema.
     */
    static DriftReport check(GlobalOptions options) {
        DatabaseTarget target = options.target();
        Migrations migrations = options.migrations();
        MigrationPlan plan = migrations.plan(target.dialect());
        ExpectedSchema expected;
        try (ScratchDatabase scratch = ScratchDatabase.beside(target)) {
            expected = ExpectedSchemaBuilder.build(plan, scratch.session());
        }
        try (Connection live = target.connect()) {
            return DriftCheck.check(plan, expected, live, target.toString(), plan.modules().size() == migrations.modules().size());
        } catch (SQLException e) {
            // Only closing the connection throws here: the comparison was made.
            throw new IllegalStateException("Closing the connection to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** Each difference as a line under its module. */
    static void print(DriftReport report, PrintWriter out) {
        int count = report.differences().size();
        out.println("Drift on " + report.database() + " (" + report.dialect().folderName() + "): " + count
                + (count == 1 ? " difference" : " differences") + " from the schema the migrations build.");
        report.byModule().forEach((module, differences) -> {
            out.println(module + ":");
            differences.forEach(difference -> out.println("  - " + difference));
        });
        out.println("Write a migration that makes the change on purpose, or undo the change by hand; run drift again to check.");
    }

    private static Map<String, Object> asJson(DriftReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", report.dialect().folderName());
        root.put("database", report.database());
        root.put("modules", report.modules());
        root.put("ignoredTables", report.ignoredTables());
        root.put("clean", report.isClean());
        root.put("differences", report.differences().stream().map(DriftCommand::asJson).toList());
        return root;
    }

    private static Map<String, Object> asJson(SchemaDifference difference) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("module", difference.module());
        entry.put("element", difference.element());
        entry.put("aspect", difference.aspect());
        entry.put("expected", difference.expected());
        entry.put("actual", difference.actual());
        return entry;
    }
}
