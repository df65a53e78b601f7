package dev.huddle.eventssync.api;

import dev.huddle.eventssync.AppContexts;
import dev.huddle.eventssync.DatabaseTextLeaks;
import dev.huddle.eventssync.EventsSyncModule;
import dev.huddle.eventssync.FakeAirtable;
import dev.huddle.eventssync.airtable.RetryPause;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The events API and the sync's admin endpoints over HTTP, on a real server, against each engine. */
class EventsApiIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(EventsSyncModule.NAME);

    private FakeAirtable airtable;
    private ApplicationContext context;
    private HttpClient http;
    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (context != null) {
            context.close();
        }
        airtable.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void syncsOnDemandAndShowsTheRecentRuns(Engine engine) {
        BlockingHttpClient client = start(engine);

        HttpResponse<Map<String, Object>> run = client.exchange(HttpRequest.POST("/api/admin/events-sync/runs", ""),
                Argument.mapOf(String.class, Object.class));
        List<Map<String, Object>> runs = client.retrieve(HttpRequest.GET("/api/admin/events-sync/runs?limit=5"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(run.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(run.body()).containsEntry("status", "succeeded").containsEntry("created", 5).containsEntry("skipped", 0);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("id", run.body().get("id")).containsEntry("recordsRead", 5);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersAFailedSyncWithBadGatewayAndItsReason(Engine engine) {
        BlockingHttpClient client = start(engine);
        airtable.rateLimitNext(100, "0");

        assertThatThrownBy(() -> client.exchange(HttpRequest.POST("/api/admin/events-sync/runs", ""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode());
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"status\":\"failed\"", "429");
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsAdminsAFailedRunInHuddlesWordsWithoutTheDatabasesText(Engine engine) throws Exception {
        TestDatabase db = DATABASES.fresh(engine);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE attendees");
        }
        start(db);

        java.net.http.HttpResponse<String> run = raw("POST", "/api/admin/events-sync/runs", "");
        java.net.http.HttpResponse<String> runs = raw("GET", "/api/admin/events-sync/runs?limit=1", "");

        assertThat(run.statusCode()).isEqualTo(HttpStatus.BAD_GATEWAY.getCode());
        for (java.net.http.HttpResponse<String> answer : List.of(run, runs)) {
            assertThat(answer.body()).contains("\"status\":\"failed\"", "a table or column the sync uses is missing", "error id ");
            DatabaseTextLeaks.assertNone(answer.body());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsEventsByTriageStatusAndDateRange(Engine engine) {
        BlockingHttpClient client = start(engine);
        client.exchange(HttpRequest.POST("/api/admin/events-sync/runs", ""));

        assertThat(names(client, "/api/events")).containsExactly("Launch", "Hack night", "Retro");
        assertThat(names(client, "/api/events?triage=approved")).containsExactly("Launch");
        assertThat(names(client, "/api/events?from=2025-06-05T00:00:00Z")).containsExactly("Hack night");
        assertThat(names(client, "/api/events?from=2025-06-01T00:00:00Z&to=2025-06-10T00:00:00Z")).containsExactly("Launch");
        assertThatThrownBy(() -> client.retrieve("/api/events?triage=maybe"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void showsAnEventWithItsAttendeesButNotOnesRemovedUpstream(Engine engine) {
        BlockingHttpClient client = start(engine);
        client.exchange(HttpRequest.POST("/api/admin/events-sync/runs", ""));
        airtable.delete("Attendees", "recAtt2");
        client.exchange(HttpRequest.POST("/api/admin/events-sync/runs", ""));
        String id = (String) client.retrieve(HttpRequest.GET("/api/events?triage=approved"),
                Argument.listOf(Argument.mapOf(String.class, Object.class))).get(0).get("id");

        Map<String, Object> detail = client.retrieve(HttpRequest.GET("/api/events/" + id), Argument.mapOf(String.class, Object.class));

        assertThat(((Map<?, ?>) detail.get("event")).get("name")).isEqualTo("Launch");
        assertThat((List<?>) detail.get("attendees")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) detail.get("attendees")).get(0)).get("email")).isEqualTo("bo@example.org");
        assertThatThrownBy(() -> client.retrieve("/api/events/00000000-0000-4000-8000-000000000000"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
    }

    /** No events-sync endpoint reads a body, so bad JSON and large bodies have nothing to refuse here (auth-hmac's ErrorBodiesIT covers those answers). */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRefusalIsAReasonAndAMessage(Engine engine) throws Exception {
        start(engine);
        String unknownId = "00000000-0000-4000-8000-000000000000";

        refused(raw("GET", "/api/events/not-a-uuid", ""), 400, "invalid_request", "not-a-uuid");
        refused(raw("GET", "/api/events/" + unknownId, ""), 404, "not_found", unknownId);
        refused(raw("GET", "/api/events?triage=maybe", ""), 400, "invalid_request", "maybe");
        refused(raw("GET", "/api/events?from=yesterday", ""), 400, "invalid_request", "from");
        refused(raw("GET", "/api/events?to=2025-13-01", ""), 400, "invalid_request", "to");
        refused(raw("GET", "/api/admin/events-sync/runs?limit=many", ""), 400, "invalid_request", "limit");
        refused(raw("GET", "/api/admin/events-sync/runs?limit=0", ""), 400, "invalid_request", "limit");
        refused(raw("GET", "/api/nothing-here", ""), 404, "not_found", "/api/nothing-here");
        refused(raw("DELETE", "/api/events", ""), 405, "method_not_allowed", "DELETE");

        CountDownLatch release = airtable.holdNextRequest();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<java.net.http.HttpResponse<String>> running = thread.submit(() -> raw("POST", "/api/admin/events-sync/runs", ""));
            airtable.awaitHeldRequest();
            refused(raw("POST", "/api/admin/events-sync/runs", ""), 409, "sync_running", "already running");
            release.countDown();
            assertThat(running.get().statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsTheAdminsByEmail(Engine engine) throws SQLException {
        TestDatabase db = DATABASES.fresh(engine);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO admins (id, email, name, permission_level) VALUES "
                    + "('00000000-0000-4000-8000-0000000000d2', 'zoe@example.org', 'Zoe', 'owner'), "
                    + "('00000000-0000-4000-8000-0000000000d1', 'ann@example.org', 'Ann', 'viewer')");
        }
        BlockingHttpClient client = start(db);

        List<Map<String, Object>> admins = client.retrieve(HttpRequest.GET("/api/admins"), Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(admins).extracting(admin -> admin.get("email") + " " + admin.get("permissionLevel"))
                .containsExactly("ann@example.org viewer", "zoe@example.org owner");
    }

    private BlockingHttpClient start(Engine engine) {
        return start(DATABASES.fresh(engine));
    }

    private BlockingHttpClient start(TestDatabase db) {
        try {
            airtable = new FakeAirtable();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        airtable.put("Events", "recEvt1", "2025-01-01T00:00:00.000Z", "Name", "Launch", "Start", "2025-06-01T18:00:00.000Z",
                        "Triage Status", "Approved")
                .put("Events", "recEvt2", "2025-01-02T00:00:00.000Z", "Name", "Hack night", "Start", "2025-06-10")
                .put("Events", "recEvt3", "2025-01-03T00:00:00.000Z", "Name", "Retro")
                .put("Attendees", "recAtt1", "2025-02-01T00:00:00.000Z", "Name", "Bo", "Email", "bo@example.org", "Event", List.of("recEvt1"))
                .put("Attendees", "recAtt2", "2025-02-02T00:00:00.000Z", "Name", "Cy", "Email", "cy@example.org", "Event", List.of("recEvt1"));
        Map<String, Object> settings = AppContexts.airtableSettings(airtable);
        settings.put("micronaut.server.port", -1);
        settings.put("huddle.events-sync.airtable.max-retries", 1);
        context = AppContexts.start(db, settings, (RetryPause) wait -> { });
        server = context.getBean(EmbeddedServer.class).start();
        http = HttpClient.create(server.getURL());
        return http.toBlocking();
    }

    /** The answer to exactly this request, whatever its status. */
    private java.net.http.HttpResponse<String> raw(String method, String path, String body) throws IOException, InterruptedException {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
    }

    private void refused(java.net.http.HttpResponse<String> answer, int status, String reason, String messagePart)
            throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        Map<String, Object> body = context.getBean(JsonMapper.class).readValue(answer.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body).as(answer.body()).containsOnlyKeys("reason", "message").containsEntry("reason", reason);
        assertThat((String) body.get("message")).contains(messagePart);
    }

    private static List<Object> names(BlockingHttpClient client, String uri) {
        return client.retrieve(HttpRequest.GET(uri), Argument.listOf(Argument.mapOf(String.class, Object.class))).stream()
                .map(event -> event.get("name")).toList();
    }
}
