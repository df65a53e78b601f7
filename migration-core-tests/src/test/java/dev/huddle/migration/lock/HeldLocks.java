package dev.huddle.migration.lock;

import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A test database's migration lock held by someone other than the runner under test, the way another runner or app
 * instance would hold it. Close the returned lock to let the runner in.
 */
public final class HeldLocks {
    private static final String LOCKED = "locked";

    private HeldLocks() {
    }

    /**
     * Holds the lock from this process: on PostgreSQL on a session of its own named {@code applicationName}, on
     * SQLite through the same file lock a runner takes (which other threads of this process queue behind).
     */
    public static MigrationLock.Held hold(TestDatabase database, String applicationName) throws SQLException {
        if (database.engine() == Engine.SQLITE) {
            return new SqliteFileLock(sqliteFile(database)).acquire(Duration.ofSeconds(10));
        }
        Connection connection = database.connect();
        try (Statement name = connection.createStatement();
             PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
            name.execute("set application_name = '" + applicationName.replace("'", "''") + "'");
            lock.setLong(1, PostgresAdvisoryLock.KEY);
            lock.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Holds a SQLite database's lock from a separate JVM, as a runner started from another shell would. */
    public static OtherProcess holdInAnotherProcess(TestDatabase database) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HeldLocks.class.getName(),
                sqliteFile(database).toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        // The child says so once it holds the lock, or ends (closing its output) when it cannot take it.
        for (String line = output.readLine(); !LOCKED.equals(line); line = output.readLine()) {
            if (line == null) {
                process.destroyForcibly();
                throw new IllegalStateException("The lock holder process ended without taking the lock:\n" + said);
            }
            said.append(line).append('\n');
        }
        return new OtherProcess(process);
    }

    /** The separate JVM of {@link #holdInAnotherProcess}: takes the lock, says so, holds it until its input ends. */
    public static void main(String[] args) throws IOException {
        try (MigrationLock.Held ignored = new SqliteFileLock(Path.of(args[0])).acquire(Duration.ofSeconds(30))) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() != -1) {
                // Holding the lock until the test closes our input.
            }
        }
    }

    private static Path sqliteFile(TestDatabase database) {
        return DatabaseTargets.fromUrl(database.url()).sqliteFile();
    }

    /** The lock holder in another process; closing ends that process, which releases the lock. */
    public static final class OtherProcess implements MigrationLock.Held {
        private final Process process;

        private OtherProcess(Process process) {
            this.process = process;
        }

        public long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
