package dev.huddle.meetings;

import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The meetings module served over HTTP against one test database: what the module's HTTP tests run against. */
public final class MeetingsServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase database;
    private final EmbeddedServer server;

    private MeetingsServer(TestDatabase database, EmbeddedServer server) {
        this.database = database;
        this.server = server;
    }

    /** Serves the module over a database that holds its migrations (from {@code MigratedDatabases}). */
    public static MeetingsServer start(TestDatabase database) {
        Map<String, Object> settings = Map.of("micronaut.server.port", -1, "huddle.database.url", database.url());
        return new MeetingsServer(database, ApplicationContext.run(EmbeddedServer.class, settings));
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    /** Sends a request; a null body sends none. */
    public Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** A response: its status and body text. */
    public record Reply(int status, String body) {
    }
}
