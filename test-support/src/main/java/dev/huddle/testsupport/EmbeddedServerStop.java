package dev.huddle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the embedded server at the JVM's exit so that it is gone before its data folder is deleted. The library's own
 * stop gives {@code pg_ctl} 5 s and then returns whether or not the server has stopped; on a loaded machine it had not,
 * the folder was deleted under it, and the server lived on for minutes until it found its lock file missing. So the
 * postmaster is waited for, and killed if it outlasts the wait (its backends exit when they see it gone).
 */
final class EmbeddedServerStop implements Closeable {
    /** Well inside the 30 s the build gives a test JVM to exit. */
    private static final long WAIT_SECONDS = 15;

    private final EmbeddedPostgres server;
    private final Path data;

    EmbeddedServerStop(EmbeddedPostgres server, Path data) {
        this.server = server;
        this.data = data;
    }

    @Override
    public void close() throws IOException {
        Optional<ProcessHandle> postmaster = postmaster();
        try {
            server.close();
        } finally {
            postmaster.ifPresent(EmbeddedServerStop::awaitOrKill);
        }
    }

    /** The running postmaster, from the first line of its pid file; empty when there is none. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void awaitOrKill(ProcessHandle postmaster) {
        try {
            postmaster.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            postmaster.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // onExit never fails; nothing is left to wait for.
        }
    }
}
