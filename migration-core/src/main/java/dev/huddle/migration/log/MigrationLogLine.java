package dev.huddle.migration.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.plan.SquashedStandIn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one migration did, as the fields of a structured log line: the runner prints it as one JSON object per line when
 * JSON logging is on ({@code HUDDLE_LOG_FORMAT=json}), and the app logs the same fields as key-value pairs, which
 * logback's JSON encoder writes out. Written when a migration's transaction commits, never before: a line says what the
 * database now has.
 *
 * @param direction  {@code up} or {@code down}
 * @param durationMs how long its script ran; 0 for a failure, whose time is not measured
 * @param outcome    {@code applied}, {@code reverted} or {@code failed}
 * @param baseline   the squashed baseline that applied it in place of its own script ({@code B<version>__squashed_baseline.sql}),
 *                   null when its script ran; a field of the line only when there is one
 */
public record MigrationLogLine(String module, String version, String description, String direction, long durationMs, String outcome,
                               String baseline) {
    /** The environment variable (and app setting) that turns JSON logging on when it is {@code json}. */
    public static final String FORMAT_VARIABLE = "HUDDLE_LOG_FORMAT";
    private static final Pattern SCRIPT = Pattern.compile("([^/]+)/[VU](\\d+)__(.*)\\.sql");

    /** @param standIn the squashed baseline that applied it, when one did */
    public static MigrationLogLine applied(MigrationStep step, Optional<SquashedStandIn> standIn) {
        return new MigrationLogLine(step.module(), step.version(), step.description(), "up", step.executionTimeMillis(), "applied",
                standIn.map(SquashedStandIn::baseline).orElse(null));
    }

    public static MigrationLogLine reverted(MigrationStep step) {
        return new MigrationLogLine(step.module(), step.version(), step.description(), "down", step.executionTimeMillis(), "reverted", null);
    }

    /** The migration whose script failed, named by the failure's {@code <module>/<file>}; its error is in the message logged beside. */
    public static MigrationLogLine failed(MigrationFailedException failure, String direction) {
        Matcher script = SCRIPT.matcher(failure.script() == null ? "" : failure.script());
        return script.matches()
                ? new MigrationLogLine(script.group(1), script.group(2), script.group(3).replace('_', ' '), direction, 0, "failed", null)
                : new MigrationLogLine(null, null, failure.script(), direction, 0, "failed", null);
    }

    /** Whether this environment asks for JSON log lines. */
    public static boolean jsonRequested(Map<String, String> environment) {
        return "json".equalsIgnoreCase(environment.getOrDefault(FORMAT_VARIABLE, "").strip());
    }

    /** The fields in a fixed order, for a logger's key-value pairs. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "migration");
        fields.put("module", module);
        fields.put("version", version);
        fields.put("description", description);
        fields.put("direction", direction);
        fields.put("durationMs", durationMs);
        fields.put("outcome", outcome);
        if (baseline != null) {
            fields.put("baseline", baseline);
        }
        return fields;
    }

    /**
     * The fields of the line that says a squashed baseline ran in place of migrations: {@code event}
     * ({@code squashed-baseline}), {@code module}, {@code baseline} (its file) and {@code versions} (those it stands for).
     */
    public static Map<String, Object> baselineFields(SquashedStandIn standIn) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", "squashed-baseline");
        fields.put("module", standIn.module());
        fields.put("baseline", standIn.baseline());
        fields.put("versions", standIn.versions());
        return fields;
    }

    /** One JSON object on one line. */
    public String toJson() {
        return toJson(fields());
    }

    /** These fields as one JSON object on one line. */
    public static String toJson(Map<String, Object> fields) {
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings, numbers and lists of strings always serialise", e);
        }
    }

    /**
     * Made on the first JSON line, not when the class loads: every {@code up} asks {@link #jsonRequested}, and creating
     * a mapper loads some 400 Jackson classes, about 5% of a no-op run's CPU.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
