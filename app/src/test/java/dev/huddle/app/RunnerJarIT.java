package dev.huddle.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner jar end to end, as an operator runs it, against the four real modules. */
class RunnerJarIT {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void upAppliesEveryModuleThenFindsNothingToDoAndStatusAgrees(Engine engine) throws Exception {
        TestDatabase db = TestDatabases.fresh(engine);

        JarProcess.Result first = runner("--url", db.url(), "up");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Applied 19 migrations.").contains("meetings").contains("signaling");

        JarProcess.Result second = runner("--url", db.url(), "up");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Nothing to apply");

        JarProcess.Result status = runner("--url", db.url(), "status", "--json");
        assertThat(status.exitCode()).isZero();
        JsonNode migrations = new ObjectMapper().readTree(status.out()).get("migrations");
        assertThat(migrations).hasSize(20);
        assertThat(migrations.get(0).get("module").asText()).isEqualTo("signaling");
        assertThat(migrations.get(0).get("version").isTextual()).isTrue();
        assertThat(migrations.findValuesAsText("state")).containsOnly("applied", "excluded");

        JarProcess.Result validate = runner("--url", db.url(), "validate");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
    }

    @Test
    void unreachableDatabaseExitsFourWithoutShowingThePassword() throws Exception {
        JarProcess.Result result = runner("--url", "postgresql://huddle:hunter2secret@127.0.0.1:1/huddle", "status");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/huddle");
        assertThat(result.out() + result.err()).doesNotContain("hunter2secret");
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        assertThat(runner("migrate-everything").exitCode()).isEqualTo(2);
    }

    @Test
    void carriesNoHttpServer() throws Exception {
        try (JarFile jar = new JarFile(JarProcess.RUNNER_JAR.toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("io/micronaut/") || name.startsWith("io/netty/") || name.startsWith("dev/huddle/app/"));
        }
    }

    private static JarProcess.Result runner(String... args) throws Exception {
        Path workDir = Files.createTempDirectory("huddle-runner-");
        return JarProcess.run(JarProcess.RUNNER_JAR, workDir, Map.of(), args);
    }
}
