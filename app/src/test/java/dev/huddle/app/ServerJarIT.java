package dev.huddle.app;

import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server jar as the README starts it: no database settings means the embedded SQLite file. */
class ServerJarIT {

    @Test
    void startsOnTheEmbeddedSqliteDefaultAndAnswersHealth() throws Exception {
        Path workDir = Files.createTempDirectory("huddle-server-");
        String health = startAndGetHealth(workDir, Map.of());

        assertThat(health).contains("\"status\":\"UP\"").contains("\"applied\":19").contains("\"pending\":0");
        assertThat(workDir.resolve("data").resolve("huddle.db")).isRegularFile();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(workDir.resolve("data").resolve("server.key"))))
                .as("the server key generated for the embedded default").isEqualTo("rw-------");
    }

    @Test
    void startsOnPostgresNamedByThePostgresVariables() throws Exception {
        TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL);
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "POSTGRES_HOST", uri.getHost(), "POSTGRES_PORT", String.valueOf(uri.getPort()),
                "POSTGRES_DB", uri.getPath().substring(1), "POSTGRES_USER", db.user(),
                // PostgreSQL gets no generated key: it must be configured.
                "HUDDLE_AUTH_SERVER_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        if (db.password() != null) {
            env.put("POSTGRES_PASSWORD", db.password());
        }
        String health = startAndGetHealth(Files.createTempDirectory("huddle-server-"), env);

        assertThat(health).contains("\"dialect\":\"postgresql\"").contains("\"applied\":19");
    }

    private static String startAndGetHealth(Path workDir, Map<String, String> env) throws Exception {
        int port = freePort();
        Map<String, String> withPort = new java.util.HashMap<>(env);
        withPort.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        Path out = workDir.resolve("server.out");
        Process server = JarProcess.start(JarProcess.SERVER_JAR, workDir, withPort, List.of(), out, workDir.resolve("server.err"));
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(deadline) && server.isAlive()) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return response.body();
                    }
                } catch (IOException notYetListening) {
                    // The server is still starting.
                }
                Thread.sleep(200);
            }
            throw new AssertionError("The server did not answer /health; its output:\n" + Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
