package dev.huddle.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Packaging never depends on the migrations being valid, and ships no script the sources no longer hold. */
class PackagingIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String WORK_IN_PROGRESS = "db/huddle/meetings/postgresql/V20991231000000__work_in_progress.sql";
    /**
     * For every JVM the archive build starts (training runs, the dump, the jar tool): this test proves that packaging
     * succeeds with its own corpus, not how fast the archive makes the runner, so they run as cheaply as they can.
     */
    private static final String SHORT_RUN_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir
    Path temp;

    /** A jar holding a script that planning refuses (empty, and in one dialect only), as a half-written one would be. */
    @Test
    void theClassDataTrainingRunUsesItsOwnCorpusSoAnInvalidScriptDoesNotBreakPackaging() throws Exception {
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.copy(JarProcess.RUNNER_JAR, target.resolve("huddle-migrate.jar"));
        // Added through the zip file system, which copies the other entries as they are (the jar tool recompresses all
        // 20 MB of them).
        try (FileSystem jar = FileSystems.newFileSystem(target.resolve("huddle-migrate.jar"))) {
            Path script = jar.getPath(WORK_IN_PROGRESS);
            Files.createDirectories(script.getParent());
            Files.writeString(script, "-- whiteboards, to be written\n");
        }
        // --project-dir names a folder without module sources, so the jar's scripts are read even though the temporary
        // folder lies inside this checkout.
        Result refused = run(Map.of("JAVA_TOOL_OPTIONS", SHORT_RUN_OPTIONS), temp, jdkTool("java"), "-Djava.io.tmpdir=" + temp, "-jar", target.resolve("huddle-migrate.jar").toString(),
                "--url", "jdbc:sqlite:" + temp.resolve("check.db"), "--project-dir", temp.toString(), "up");
        assertThat(refused.exitCode).as("the modules' own up refuses the script").isEqualTo(3);

        Result build = run(Map.of("JAVA_TOOL_OPTIONS", SHORT_RUN_OPTIONS), temp, "sh",
                Path.of("src/main/launcher/build-archive.sh").toAbsolutePath().toString(), jdkTool("java"), target.toString());

        assertThat(build.exitCode).as(build.output).isZero();
        assertThat(target.resolve("huddle-migrate.jsa")).isNotEmptyFile();
        assertThat(Files.readString(target.resolve("cds/training.log"))).contains("training").doesNotContain("meetings");
    }

    @Test
    void everyScriptInTheJarsIsInTheModulesSources() throws Exception {
        List<String> stale = new ArrayList<>();
        for (Path jar : List.of(JarProcess.RUNNER_JAR, JarProcess.SERVER_JAR)) {
            try (JarFile jarFile = new JarFile(jar.toFile())) {
                for (JarEntry entry : jarFile.stream().toList()) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && (name.startsWith("db/huddle/") || name.startsWith("db/huddle-down/"))) {
                        String module = name.split("/")[2];
                        if (!Files.isRegularFile(REPOSITORY.resolve(module).resolve("src/main/resources").resolve(name))) {
                            stale.add(jar.getFileName() + "!/" + name);
                        }
                    }
                }
            }
        }

        assertThat(stale).as("scripts in the jars but not in the sources (stale copies in target/classes: "
                + "run 'mvn clean package')").isEmpty();
    }

    private record Result(int exitCode, String output) {
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static Result run(Path workDir, String... command) throws Exception {
        return run(Map.of(), workDir, command);
    }

    private static Result run(Map<String, String> environment, Path workDir, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
