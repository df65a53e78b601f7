package dev.huddle.meetings;

import dev.huddle.meetings.sql.ColumnValues;
import dev.huddle.migration.Migrations;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The meetings module served over HTTP against a fresh database of one engine that holds only the module's
 * migrations: what the module's HTTP and repository tests run against.
 */
public final class MeetingsServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestDatabase database;
    private final EmbeddedServer server;

    private MeetingsServer(TestDatabase database, EmbeddedServer server) {
        this.database = database;
        this.server = server;
    }

    public static MeetingsServer start(Engine engine) {
        TestDatabase database = TestDatabases.fresh(engine);
        Migrations.discover().onlyModules(List.of(MeetingsModule.NAME)).against(DatabaseTargets.fromUrl(database.url())).up();
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        settings.put("datasources.default.url", engine == Engine.SQLITE
                ? database.jdbcUrl() + "?foreign_keys=true"
                : database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + ColumnValues.POSTGRESQL_URL_PARAMETER);
        if (database.user() != null) {
            settings.put("datasources.default.username", database.user());
        }
        if (database.password() != null) {
            settings.put("datasources.default.password", database.password());
        }
        settings.put("datasources.default.dialect", "ANSI");
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
