package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Answer;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.session.ClientSessionRepository;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.UUID;

import static dev.huddle.authhmac.AuthServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal auth-hmac answers, walked through its bad inputs (bad JSON, a missing or too long field, a malformed or
 * unknown id, a body too large, a route or method that does not exist), has the one shape of every Huddle API:
 * {@code {"reason": ..., "message": ...}}, and a refused request stores nothing.
 */
class ErrorBodiesIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);
    private static final byte[] NO_BODY = new byte[0];
    /** Over the 64 KiB every API reads, under the server's request limit set below. */
    private static final String LARGE_TEXT = "x".repeat(70 * 1024);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyRefusalOfTheSessionAndAdminApisIsAReasonAndAMessage(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine), Map.<String, Object>of(
                "huddle.auth.server-key", AuthServer.SERVER_KEY, "micronaut.server.max-request-size", 128 * 1024))) {
            Session admin = server.createAdminSession();
            String unknownId = UUID.randomUUID().toString();

            refused(server.send("POST", "/api/sessions", utf8("{\"deviceId\": "), Map.of()), 400, "invalid_request", "JSON");
            refused(server.send("POST", "/api/sessions", utf8("[1, 2]"), Map.of()), 400, "invalid_request", "JSON");
            refused(server.send("POST", "/api/sessions", utf8("{\"name\": \"laptop\"}"), Map.of()), 400, "invalid_request",
                    "deviceId");
            refused(server.send("POST", "/api/sessions", utf8("{\"deviceId\": \"d\", \"name\": \"" + "n".repeat(201) + "\"}"),
                    Map.of()), 400, "invalid_request", "name");
            refused(server.send("POST", "/api/sessions", utf8("{\"deviceId\": \"d\", \"name\": \"" + LARGE_TEXT + "\"}"),
                    Map.of()), 400, "invalid_request", "65536");
            refused(server.send("POST", "/api/sessions", utf8("{\"deviceId\": \"d\", \"name\": \"n\"}"), Map.of()), 403,
                    "invitation_required", "invitationToken");
            refused(server.send("POST", "/api/sessions", utf8("{\"deviceId\": \"d\", \"name\": \"" + "y".repeat(200 * 1024)
                    + "\"}"), Map.of()), 413, "body_too_large", "max-request-size");

            refused(server.signed(admin, "PUT", "/api/admin/settings", utf8("{oops")), 400, "invalid_request", "JSON");
            refused(server.signed(admin, "PUT", "/api/admin/settings", utf8("{\"serverName\": \"X\", \"registrationMode\": "
                    + "\"maybe\"}")), 400, "invalid_request", "invite_only");
            refused(server.signed(admin, "PUT", "/api/admin/settings", utf8("{\"serverName\": \"" + LARGE_TEXT + "\"}")),
                    400, "invalid_request", "65536");
            refused(server.signed(admin, "POST", "/api/admin/invitations", utf8("{\"validForHours\": 2}")), 400,
                    "invalid_request", "email");
            refused(server.signed(admin, "POST", "/api/admin/invitations", utf8("{\"email\": \"a@b.org\", \"validForHours\": 0}")),
                    400, "invalid_request", "validForHours");
            refused(server.signed(admin, "POST", "/api/admin/invitations", utf8("{\"email\": \"a@b.org\", \"validForHours\": "
                    + "\"soon\"}")), 400, "invalid_request", "JSON");
            refused(server.signed(admin, "POST", "/api/admin/guests", utf8("{\"meetingId\": \"m\"}")), 400, "invalid_request",
                    "displayName");
            refused(server.signed(admin, "POST", "/api/admin/guests/" + unknownId + "/admit", NO_BODY), 404, "not_found",
                    unknownId);
            refused(server.signed(admin, "POST", "/api/admin/admins/not-a-uuid/revoke", NO_BODY), 400, "invalid_request",
                    "not-a-uuid");
            refused(server.signed(admin, "POST", "/api/admin/admins/" + unknownId + "/revoke", NO_BODY), 404, "not_found",
                    unknownId);
            refused(server.signed(admin, "DELETE", "/api/admin/sessions/12345", NO_BODY), 400, "invalid_request", "12345");
            refused(server.signed(admin, "DELETE", "/api/admin/sessions/" + unknownId, NO_BODY), 404, "not_found", unknownId);

            refused(server.signed(admin, "GET", "/api/nothing-here", NO_BODY), 404, "not_found", "/api/nothing-here");
            refused(server.signed(admin, "DELETE", "/api/sessions/current", NO_BODY), 405, "method_not_allowed", "DELETE");
            refused(server.send("GET", "/api/sessions/current", NO_BODY, Map.of()), 401, "missing_header", "X-Huddle");
            Session plain = server.createSession(Map.of("name", "n", "deviceId", "d", "invitationToken",
                    (String) server.signed(admin, "POST", "/api/admin/invitations", utf8("{\"email\": \"p@b.org\"}")).body()
                            .get("token")));
            refused(server.signed(plain, "GET", "/api/admin/admins", NO_BODY), 403, "not_admin", plain.id());

            // The admin and the one invited session: no refused request stored a session.
            assertThat(server.context().getBean(ClientSessionRepository.class).count()).isEqualTo(2);
        }
    }

    private static void refused(Answer answer, int status, String reason, String messagePart) {
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(status);
        assertThat(answer.body()).as(answer.json().toString()).containsOnlyKeys("reason", "message")
                .containsEntry("reason", reason);
        assertThat((String) answer.body().get("message")).contains(messagePart);
    }
}
