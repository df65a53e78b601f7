package dev.huddle.app;

import dev.huddle.testsupport.ScratchFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the built jars as a real process, the way a user would, with a controlled environment. */
final class JarProcess {
    static final Path SERVER_JAR = Path.of("target", "huddle.jar");
    static final Path RUNNER_JAR = Path.of("target", "huddle-migrate.jar");
    static final Path RUNNER_LAUNCHER = Path.of("target", "huddle-migrate");
    /**
     * For the server jar, options that make a run of seconds cheaper and change nothing it does: the client compiler only,
     * the serial collector, no performance-data file, and a pool that keeps one idle connection instead of ten (on these
     * machines each PostgreSQL connection costs the server 35-40 ms of CPU, and a test's server serves a request or two).
     */
    private static final List<String> SHORT_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
            "-Ddatasources.default.minimum-idle=1");

    /** Finished run of a command. */
    record Result(int exitCode, String out, String err) {
    }

    private JarProcess() {
    }

    /** Starts the jar in {@code workDir} with only the given variables added to a clean environment. */
    static Process start(Path jar, Path workDir, Map<String, String> env, List<String> args, Path outFile, Path errFile) throws IOException {
        // The test JVM's temporary folder (the module's target/), so that nothing a run writes lands in /tmp.
        String tmpdir = "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir");
        List<String> command = new ArrayList<>();
        Map<String, String> launcherEnv = Map.of();
        if (jar.equals(RUNNER_JAR)) {
            // The runner as users start it: through its launcher, with the launcher's JVM options, class-data archive and
            // unpacked SQLite library. That costs about a quarter less CPU than java -jar, and the tests start dozens.
            command.add(RUNNER_LAUNCHER.toAbsolutePath().toString());
            launcherEnv = Map.of("JAVA_HOME", System.getProperty("java.home"), "HUDDLE_MIGRATE_JAVA_OPTS", tmpdir);
        } else {
            command.addAll(List.of(javaBinary(), tmpdir));
            command.addAll(SHORT_RUN_OPTIONS);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_") || key.startsWith("POSTGRES_")
                || key.startsWith("HUDDLE_") || key.startsWith("MICRONAUT_") || key.equals("JAVA_HOME"));
        builder.environment().putAll(launcherEnv);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs the jar to completion (at most two minutes) and returns its exit code and output. */
    static Result run(Path jar, Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(ScratchFolder.path(), "huddle-out-", ".txt");
        Path err = Files.createTempFile(ScratchFolder.path(), "huddle-err-", ".txt");
        Process process = start(jar, workDir, env, List.of(args), out, err);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + jar + " " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
