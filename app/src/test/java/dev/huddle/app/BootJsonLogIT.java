package dev.huddle.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.ScratchFolder;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server jar with {@code HUDDLE_LOG_FORMAT=json}: every log line is JSON, and each migration applied at boot is one with its fields. */
class BootJsonLogIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void logsEachMigrationAppliedAtBootAsOneJsonLine(Engine engine) throws Exception {
        Path workDir = ScratchFolder.newSubfolder("huddle-json-log-");
        Map<String, String> env = new HashMap<>(Map.of("HUDDLE_LOG_FORMAT", "json", "MICRONAUT_SERVER_PORT", "0"));
        if (engine == Engine.POSTGRESQL) {
            TestDatabase database = TestDatabases.fresh(engine);
            env.put("DATABASE_URL", database.url());
            env.put("HUDDLE_AUTH_SERVER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        }
        String log = bootLog(workDir, env);

        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        List<Map<String, Object>> migrations = lines.stream().map(BootJsonLogIT::keyValues)
                .filter(fields -> "migration".equals(fields.get("event"))).toList();
        assertThat(migrations).hasSize(ShippedMigrations.count(engine));
        assertThat(lines).allSatisfy(line -> assertThat(line).containsKeys("level", "loggerName", "formattedMessage"));
        assertThat(migrations.get(0)).containsKeys("module", "version", "description", "direction", "durationMs", "outcome")
                .containsEntry("direction", "up").containsEntry("outcome", "applied");
    }

    /** The line's key-value pairs, which logback's JSON encoder writes as a list of one-entry objects. */
    private static Map<String, Object> keyValues(Map<String, Object> line) {
        Map<String, Object> fields = new HashMap<>();
        Object pairs = line.get("kvpList");
        if (pairs instanceof List<?> list) {
            for (Object pair : list) {
                ((Map<?, ?>) pair).forEach((key, value) -> fields.put(String.valueOf(key), value));
            }
        }
        return fields;
    }

    /** The server's standard output from its start until it logged that the schema is current; the server is then stopped. */
    private static String bootLog(Path workDir, Map<String, String> env) throws Exception {
        Path out = workDir.resolve("server.out");
        Process server = JarProcess.start(JarProcess.SERVER_JAR, workDir, env, List.of(), out, workDir.resolve("server.err"));
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
                if (text.contains("Schema is current")) {
                    return text.substring(0, text.lastIndexOf('\n', text.indexOf("Schema is current")) + 1);
                }
                Thread.sleep(200);
            }
            throw new AssertionError("The server did not log that its schema is current; its output:\n" + Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
