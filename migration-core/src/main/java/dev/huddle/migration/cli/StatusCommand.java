package dev.huddle.migration.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.plan.InMemoryTable;
import dev.huddle.migration.status.MigrationState;
import dev.huddle.migration.status.MigrationStatus;
import dev.huddle.migration.status.StatusJson;
import dev.huddle.migration.status.StatusReport;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class StatusCommand implements RunnerCommand {
    static final CommandSpec SPEC = new CommandSpec("status", "List every migration with its module, version, state and timing.",
            List.of(Option.flag("--json", "Print one JSON object instead of a table.")));

    private final boolean json;

    StatusCommand(ParsedArguments arguments) {
        json = arguments.flag("--json");
    }

    @Override
    public int call(GlobalOptions options, PrintWriter out, PrintWriter err) throws JsonProcessingException {
        StatusReport report = options.migrator().status();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Map<String, Object> root = StatusJson.of(report);
            root.put("scripts", options.scripts().describe());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println("Scripts: " + options.scripts().describe());
            printTable(report, out);
            DatabaseTarget target = options.target();
            if (GlobalOptions.createsNewDatabase(target)) {
                out.println("The SQLite database " + target.sqliteFile() + " does not exist yet, so every migration is pending; "
                        + "up creates it.");
            }
        }
        return ExitCodes.OK;
    }

    private static void printTable(StatusReport report, PrintWriter out) {
        // Built here, not in a constant: the runner loads this class at start-up, and java.time's formatting is slow to load.
        DateTimeFormatter installedOnFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
        out.println("Database: " + report.database() + " (" + report.dialect().folderName() + ")");
        out.println(row("MODULE", "VERSION", "DESCRIPTION", "STATE", "REVERSIBLE", "INSTALLED ON (UTC)", "TIME ms"));
        for (MigrationStatus status : report.migrations()) {
            String installedOn = status.installedOn() == null ? "" : installedOnFormat.format(status.installedOn());
            out.println(row(status.module(), Objects.toString(status.version(), "-"),
                    truncate(Objects.toString(status.description(), status.script()), 40), status.state().label(),
                    status.reversible() == null ? "" : status.reversible() ? "yes" : "no", installedOn,
                    status.executionTimeMillis() == null ? "" : String.valueOf(status.executionTimeMillis())));
            if (status.note() != null) {
                out.println("    " + status.script() + ": " + status.note());
            }
        }
        out.printf("%d applied, %d pending, %d excluded%s%n", report.appliedCount(), report.count(MigrationState.PENDING),
                report.count(MigrationState.EXCLUDED), problems(report));
        List<InMemoryTable> tables = report.inMemoryTables();
        if (!tables.isEmpty()) {
            out.println("In memory only (never migrated): " + String.join(", ",
                    tables.stream().map(t -> t.table() + " (" + t.module() + ")").toList()));
        }
    }

    private static String problems(StatusReport report) {
        long failed = report.count(MigrationState.FAILED);
        long missing = report.count(MigrationState.MISSING);
        long outOfOrder = report.count(MigrationState.OUT_OF_ORDER);
        return (failed > 0 ? ", " + failed + " failed" : "") + (missing > 0 ? ", " + missing + " missing" : "")
                + (outOfOrder > 0 ? ", " + outOfOrder + " out of order" : "");
    }

    /**
     * One line of the table, columns padded by hand: a format string is parsed again at every line, and a history of
     * thousands of rows made printf the slowest part of status.
     */
    private static String row(String module, String version, String description, String state, String reversible,
                              String installedOn, String millis) {
        StringBuilder line = new StringBuilder(128);
        padRight(line, module, 12).append(' ');
        padRight(line, version, 14).append(' ');
        padRight(line, description, 40).append(' ');
        padRight(line, state, 12).append(' ');
        padRight(line, reversible, 10).append(' ');
        padRight(line, installedOn, 20).append(' ');
        line.append(" ".repeat(Math.max(0, 8 - millis.length()))).append(millis);
        return line.toString();
    }

    private static StringBuilder padRight(StringBuilder line, String text, int width) {
        return line.append(text).append(" ".repeat(Math.max(0, width - text.length())));
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
