package dev.huddle.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The huddle-migrate launcher the build puts beside the runner jar: its archive, its SQLite library, its arguments. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "huddle-migrate");

    @TempDir
    Path temp;

    @Test
    void runsTheRunnerWithArgumentsAndExitCodesPassedThrough() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("launcher.db");

        Result up = run(LAUNCHER, Map.of(), "--url", url, "up");
        Result again = run(LAUNCHER, Map.of(), "--url", url, "up");
        Result usage = run(LAUNCHER, Map.of(), "--url", url, "up", "--no-such-option");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).contains("Applied 19 migrations.");
        assertThat(again.out()).contains("Nothing to apply");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--no-such-option");
    }

    @Test
    void theArchiveFitsTheJarItWasBuiltWith() throws Exception {
        // -Xshare:on makes the JVM refuse to start rather than quietly run without the archive.
        Result version = run(LAUNCHER, Map.of("HUDDLE_MIGRATE_JAVA_OPTS", "-Xshare:on"), "--version");

        assertThat(version.exitCode()).as(version.out() + version.err()).isZero();
        assertThat(version.out()).contains("huddle-migrate ");
    }

    @Test
    void sqliteLoadsTheLibraryBesideTheJarInsteadOfCopyingItOut() throws Exception {
        Path tmp = Files.createDirectories(temp.resolve("tmp"));

        Result up = run(LAUNCHER, Map.of("HUDDLE_MIGRATE_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp),
                "--url", "jdbc:sqlite:" + temp.resolve("native.db"), "up");

        assertThat(up.exitCode()).as(up.err()).isZero();
        try (var copies = Files.list(tmp)) {
            assertThat(copies).as("native libraries copied out of the jar").isEmpty();
        }
    }

    @Test
    void aCopyInAnotherFolderRunsWithoutTheArchiveItDoesNotFit() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("a folder with spaces"));
        for (String file : List.of("huddle-migrate", "huddle-migrate.jar", "huddle-migrate.jsa")) {
            Files.copy(Path.of("target", file), folder.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }

        Result status = run(folder.resolve("huddle-migrate"), Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("copy.db"), "status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("pending");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "out-", ".txt");
        Path err = Files.createTempFile(temp, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_") || key.startsWith("POSTGRES_") || key.startsWith("HUDDLE_"));
        // The launcher runs the Java of JAVA_HOME: the one the build made the archive with.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
