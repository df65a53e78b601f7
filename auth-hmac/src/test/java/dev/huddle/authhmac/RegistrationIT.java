package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Answer;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.invitation.Invitations;
import dev.huddle.authhmac.invitation.IssuedInvitation;
import dev.huddle.authhmac.session.ClientSessionRepository;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code POST /api/sessions} under each registration mode, and the admin bootstrap token, on both engines. */
class RegistrationIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void openRegistrationLetsAnyoneInAsAnOrdinarySession(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session session = server.createSession("laptop", "device-1");

            assertThat(server.signed(session, "GET", "/api/sessions/current", new byte[0]).body()).containsEntry("admin", false);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void closedRegistrationRefusesEveryOrdinarySession(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            mode(server, RegistrationMode.CLOSED);

            Answer answer = register(server, Map.of());

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.reason()).isEqualTo("registration_closed");
            assertThat(server.context().getBean(ClientSessionRepository.class).count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inviteOnlyRefusesASessionWithoutAnInvitation(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            Answer answer = register(server, Map.of());

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.reason()).isEqualTo("invitation_required");
            assertThat((String) answer.body().get("message")).contains("invitationToken");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inviteOnlyAcceptsAnInvitationOnceAndThenRefusesIt(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            IssuedInvitation invitation = server.context().getBean(Invitations.class)
                    .create("ada@example.org", "test", Duration.ofDays(1));

            Answer first = register(server, Map.of("invitationToken", invitation.token()));
            Answer again = register(server, Map.of("invitationToken", invitation.token()));

            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.reason()).isEqualTo("invitation_refused");
            assertThat((String) again.body().get("message")).contains("already accepted").doesNotContain(invitation.token());
            assertThat(server.context().getBean(ClientSessionRepository.class).count()).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void inviteOnlyRefusesAnExpiredOrUnknownInvitation(Engine engine) throws SQLException {
        var db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.startAsMigrated(db)) {
            IssuedInvitation invitation = server.context().getBean(Invitations.class)
                    .create("ada@example.org", "test", Duration.ofDays(1));
            try (Connection c = db.connect();
                 PreparedStatement expire = c.prepareStatement("UPDATE invitations SET expires_at = ? WHERE id = ?")) {
                Instant past = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                if (engine == Engine.SQLITE) {
                    expire.setString(1, past.toString());
                    expire.setString(2, invitation.id());
                } else {
                    expire.setTimestamp(1, Timestamp.from(past));
                    expire.setObject(2, UUID.fromString(invitation.id()));
                }
                assertThat(expire.executeUpdate()).isOne();
            }

            Answer expired = register(server, Map.of("invitationToken", invitation.token()));
            Answer unknown = register(server, Map.of("invitationToken", "no-such-token"));

            assertThat(expired.status()).isEqualTo(403);
            assertThat(expired.reason()).isEqualTo("invitation_refused");
            assertThat((String) expired.body().get("message")).contains("expired");
            assertThat(unknown.status()).isEqualTo(403);
            assertThat(unknown.reason()).isEqualTo("invitation_refused");
            assertThat(server.context().getBean(ClientSessionRepository.class).count()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theBootstrapTokenMakesOneAdminEvenWhenRegistrationIsClosed(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            mode(server, RegistrationMode.CLOSED);

            Session admin = server.createAdminSession();
            Answer second = register(server, Map.of("adminToken", AuthServer.ADMIN_TOKEN));

            assertThat(server.signed(admin, "GET", "/api/sessions/current", new byte[0]).body()).containsEntry("admin", true);
            assertThat(second.status()).isEqualTo(403);
            assertThat(second.reason()).isEqualTo("admin_token_refused");
            assertThat((String) second.body().get("message")).contains("already has a live admin session");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWrongOrUnconfiguredBootstrapTokenIsRefusedWithoutEchoingIt(Engine engine) {
        var db = DATABASES.fresh(engine);
        try (AuthServer server = AuthServer.start(db)) {
            Answer wrong = register(server, Map.of("adminToken", "guessed-token"));

            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.reason()).isEqualTo("admin_token_refused");
            assertThat(wrong.body().toString()).doesNotContain("guessed-token").doesNotContain(AuthServer.ADMIN_TOKEN);
        }
        try (AuthServer unconfigured = AuthServer.start(db, Map.of("huddle.auth.server-key", AuthServer.SERVER_KEY,
                "huddle.auth.admin-bootstrap-token", ""))) {
            assertThat(register(unconfigured, Map.of("adminToken", AuthServer.ADMIN_TOKEN)).reason())
                    .isEqualTo("admin_token_refused");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBootstrapTokenTooShortToBeASecretStopsTheBoot(Engine engine) {
        var db = DATABASES.fresh(engine);

        assertThatThrownBy(() -> AuthServer.start(db, Map.of("huddle.auth.server-key", AuthServer.SERVER_KEY,
                "huddle.auth.admin-bootstrap-token", "admin")).close())
                .rootCause().isInstanceOf(UsageException.class)
                .hasMessageContaining("huddle.auth.admin-bootstrap-token").hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining("\"admin\"");
    }

    private static Answer register(AuthServer server, Map<String, String> extra) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("name", "laptop", "deviceId", "device-1"));
        body.putAll(extra);
        return server.send("POST", "/api/sessions", server.json(body), Map.of());
    }

    private static void mode(AuthServer server, RegistrationMode mode) {
        server.context().getBean(ServerSettingsService.class).update("Huddle", mode);
    }
}
