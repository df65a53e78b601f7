package dev.huddle.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.huddle.authhmac.client.RequestSigner;
import dev.huddle.testsupport.Engine;
import dev.huddle.testsupport.TestDatabase;
import dev.huddle.testsupport.TestDatabases;
import dev.huddle.web.InternalErrorHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that fails under the running app (a table dropped behind its back) answers 500 with a generic
 * {@code internal_error} body and an error id, in every module the app serves and in the signature filter itself,
 * while the server log holds the detail under that id. No SQL, table name or driver text reaches the client.
 */
class InternalErrorsIT {
    private static final String ADMIN_TOKEN = "app-test-admin-bootstrap-token-0123456789";
    private static final byte[] NO_BODY = new byte[0];
    /** Words of a database's or the JVM's error text; none may appear in an answer. */
    private static final List<String> LEAKS = List.of("sql", "relation", "no such table", "exception", "jdbc", "error:",
            "recordings", "api_keys", "invitations", "events", "nonce_cache");

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFailingDatabaseAnswersAGeneric500AndLogsTheDetailUnderItsId(Engine engine) throws Exception {
        TestDatabase database = TestDatabases.fresh(engine);
        Map<String, Object> properties = Map.of("huddle.database.url", database.url(), "micronaut.server.port", -1,
                "huddle.auth.server-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "huddle.auth.admin-bootstrap-token", ADMIN_TOKEN);
        ListAppender<ILoggingEvent> log = captureErrorLog();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            String base = server.getURL().toString();
            JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
            RequestSigner admin = session(base, json);
            String meeting = (String) json.readValue(expect(201, send(base, admin, "POST", "/api/meetings",
                    "{\"roomName\":\"r\",\"hostIdentity\":\"alice\"}")), Map.class).get("id");

            dropTable(database, "recordings");
            assertGeneric500(json, log, send(base, admin, "GET", "/api/meetings/" + meeting + "/recordings", null), "recordings");
            dropTable(database, "api_keys");
            assertGeneric500(json, log, send(base, admin, "GET", "/api/admin/signaling/api-keys", null), "api_keys");
            dropTable(database, "invitations");
            assertGeneric500(json, log, send(base, admin, "POST", "/api/admin/invitations", "{\"email\":\"ada@example.org\"}"), "invitations");
            dropTable(database, "events");
            assertGeneric500(json, log, send(base, admin, "GET", "/api/events", null), "events");
            // Refusals keep their own status and reason while the database fails elsewhere.
            assertThat(send(base, admin, "GET", "/api/meetings/not-a-uuid", null).body()).contains("invalid_request");
            dropTable(database, "nonce_cache");
            assertGeneric500(json, log, send(base, admin, "GET", "/api/meetings/" + meeting, null), "nonce_cache");
        } finally {
            ((Logger) LoggerFactory.getLogger(InternalErrorHandler.class)).detachAppender(log);
        }
    }

    private void assertGeneric500(JsonMapper json, ListAppender<ILoggingEvent> log, HttpResponse<String> answer,
                                  String table) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
        for (String leak : LEAKS) {
            assertThat(answer.body().toLowerCase()).as(answer.body()).doesNotContain(leak);
        }
        Map<String, Object> body = json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body).containsOnlyKeys("reason", "message", "errorId").containsEntry("reason", "internal_error");
        String errorId = (String) body.get("errorId");
        assertThat((String) body.get("message")).contains(errorId);
        assertThat(log.list).as("the log line of error id " + errorId)
                .anySatisfy(event -> {
                    assertThat(event.getFormattedMessage()).contains(errorId);
                    assertThat(causeChain(event.getThrowableProxy())).containsIgnoringCase(table);
                });
    }

    private static String causeChain(IThrowableProxy failure) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static ListAppender<ILoggingEvent> captureErrorLog() {
        assertThat(LoggerFactory.getILoggerFactory()).as("the test's SLF4J provider").isInstanceOf(LoggerContext.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(InternalErrorHandler.class)).addAppender(log);
        return log;
    }

    private static void dropTable(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // PostgreSQL refuses to drop a table others reference unless told to drop those constraints too.
            statement.execute("DROP TABLE " + table + (database.engine() == Engine.POSTGRESQL ? " CASCADE" : ""));
        }
    }

    private RequestSigner session(String base, JsonMapper json) throws Exception {
        String created = expect(201, send(base, null, "POST", "/api/sessions",
                "{\"name\":\"admin\",\"deviceId\":\"d-" + UUID.randomUUID() + "\",\"adminToken\":\"" + ADMIN_TOKEN + "\"}"));
        Map<String, Object> session = json.readValue(created, Argument.mapOf(String.class, Object.class));
        return new RequestSigner((String) session.get("id"), (String) session.get("secret"));
    }

    private static String expect(int status, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    private HttpResponse<String> send(String base, RequestSigner signer, String method, String path, String text)
            throws IOException, InterruptedException {
        byte[] body = text == null ? NO_BODY : text.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (signer != null) {
            signer.sign(method, path, body).asMap().forEach(request::header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
