package dev.huddle.migration.cli;

import dev.huddle.migration.discover.HuddleModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exception Huddle did not expect is an internal error (exit 5), reported with a request to report it, the
 * exception's class and its stack trace, never as "a migration failed". The runner is loaded in a class loader of its
 * own that also sees {@link BrokenModule}, as a module jar on the class path would be seen.
 */
class InternalErrorRunnerTest {
    @TempDir
    Path temp;

    @Test
    void anUnexpectedExceptionExitsFiveAsAnInternalErrorAndAsksForAReport() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("huddle.db");

        Run run = runWithBrokenModule("--url", url, "status");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("internal error: " + BrokenModule.BUG + System.lineSeparator())
                .contains("This is a bug in Huddle", "Please report it", IllegalStateException.class.getName())
                .contains("at " + BrokenModule.class.getName() + ".descriptor(");
        assertThat(run.err().lines().filter(line -> line.contains("error: "))).hasSize(1);
    }

    @Test
    void anExpectedFailureIsOneLineWithoutAStackTrace() {
        Run run = Run.run(Map.of(), "--url", "jdbc:sqlite:" + temp.resolve("huddle.db"), "--modules", "nope", "status");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: Unknown module nope. Known modules:").doesNotContain("internal error", "\tat ");
    }

    @Test
    void anInternalErrorsTextHidesThePassword() {
        StringWriter err = new StringWriter();

        int code = HuddleMigrate.report(new IllegalStateException("lost postgresql://huddle:hunter2@db/huddle"), List.of("hunter2"),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).contains("internal error: lost postgresql://huddle:***@db/huddle").doesNotContain("hunter2");
    }

    /** The runner as a separate class path would run it, with {@link BrokenModule} registered as a module. */
    private Run runWithBrokenModule(String... args) throws Exception {
        Path services = temp.resolve("services/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(HuddleModule.class.getName()), BrokenModule.class.getName() + "\n");
        List<URL> classPath = new ArrayList<>();
        classPath.add(temp.resolve("services").toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Object code = loader.loadClass(HuddleMigrate.class.getName())
                    .getMethod("run", String[].class, Map.class, PrintWriter.class, PrintWriter.class)
                    .invoke(null, args, Map.of(), new PrintWriter(out), new PrintWriter(err));
            return new Run((Integer) code, out.toString(), err.toString());
        }
    }
}
