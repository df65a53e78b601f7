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

    /** Finished run of a command. */
    record Result(int exitCode, String out, String err) {
    }

    private JarProcess() {
    }

    /** Starts the jar in {@code workDir} with only the given variables added to a clean environment. */
    static Process start(Path jar, Path workDir, Map<String, String> env, List<String> args, Path outFile, Path errFile) throws IOException {
        // The test JVM's temporary folder (the module's target/), where the SQLite driver copies its native library.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(shortRunOptions(jar));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_") || key.startsWith("POSTGRES_")
                || key.startsWith("HUDDLE_") || key.startsWith("MICRONAUT_"));
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

    /**
     * Options that make a run of seconds cheaper and change nothing it does, as the huddle-migrate launcher starts the
     * runner: the client compiler only, the serial collector and, for the runner, the class-data archive built beside
     * it (the JVM checks the archive against the jar and ignores one that does not fit). A jar started this way costs
     * about half the CPU of a plain {@code java -jar}, and the tests start dozens.
     */
    private static List<String> shortRunOptions(Path jar) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        Path archive = RUNNER_JAR.toAbsolutePath().resolveSibling("huddle-migrate.jsa");
        if (jar.equals(RUNNER_JAR) && Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
