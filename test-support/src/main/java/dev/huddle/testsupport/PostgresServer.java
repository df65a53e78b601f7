package dev.huddle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server of this test JVM, chosen once: the server named by {@value #URL_VARIABLE} if set, else a
 * Testcontainers container when Docker answers, else an embedded PostgreSQL from the Maven registry. It never
 * skips: when none can start, tests fail saying why.
 */
public final class PostgresServer {
    /** e.g. {@code postgresql://postgres:secret@127.0.0.1:5432/postgres}: a user allowed to create databases. */
    public static final String URL_VARIABLE = "HUDDLE_TEST_POSTGRES_URL";

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String source;

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
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
            return new PostgresServer("localhost", embedded.getPort(), "postgres", null, "embedded PostgreSQL (zonky)");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL for tests: " + URL_VARIABLE + " is unset, Docker is not available, "
                    + "and the embedded PostgreSQL did not start. Set " + URL_VARIABLE + " to a server.", e);
        }
    }

    /** Where the server came from, for messages: never holds the password. */
    public String source() {
        return source;
    }

    /** A connection to the server's {@code postgres} database, for creating and dropping databases. */
    public Connection connectAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user, password);
    }

    /** Creates an empty database with this (unique) name and returns it. */
    TestDatabase createDatabase(String name) {
        try (Connection admin = connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + source + ": " + e.getMessage(), e);
        }
        return database(name);
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

    private static void closeQuietly(EmbeddedPostgres embedded) {
        try {
            embedded.close();
        } catch (IOException ignored) {
            // The JVM is exiting; the data folder is temporary.
        }
    }
}
