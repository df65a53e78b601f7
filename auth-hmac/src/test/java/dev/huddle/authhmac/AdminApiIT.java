package dev.huddle.authhmac;

import dev.huddle.authhmac.AuthServer.Answer;
import dev.huddle.authhmac.AuthServer.Session;
import dev.huddle.authhmac.session.ClientSessionRepository;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/admin/**} over signed HTTP: what an admin session may do and the 403 every other session gets. */
class AdminApiIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAdminChangesTheSettingsAndBadValuesAreRefused(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            Session admin = server.createAdminSession();

            Answer changed = put(server, admin, "/api/admin/settings", Map.of("serverName", "Team Huddle", "registrationMode", "open"));
            Answer unknownMode = put(server, admin, "/api/admin/settings", Map.of("serverName", "X", "registrationMode", "maybe"));

            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).containsEntry("serverName", "Team Huddle").containsEntry("registrationMode", "open");
            assertThat(server.context().getBean(ServerSettingsService.class).current().registrationMode())
                    .isEqualTo(RegistrationMode.OPEN);
            assertThat(unknownMode.status()).isEqualTo(400);
            assertThat((String) unknownMode.body().get("message")).contains("invite_only");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAdminsInvitationLetsOneDeviceRegisterOnAnInviteOnlyServer(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            Session admin = server.createAdminSession();

            Answer invitation = post(server, admin, "/api/admin/invitations", Map.of("email", "ada@example.org", "validForHours", 2));
            Answer noEmail = post(server, admin, "/api/admin/invitations", Map.of("validForHours", 2));

            assertThat(invitation.status()).isEqualTo(201);
            String token = (String) invitation.body().get("token");
            assertThat(token).matches("[0-9a-f]{64}");
            Session invited = server.createSession(Map.of("name", "Ada", "deviceId", "ada-phone", "invitationToken", token));
            assertThat(server.signed(invited, "GET", "/api/sessions/current", new byte[0]).body()).containsEntry("admin", false);
            assertThat(noEmail.status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAdminCreatesAndAdmitsAGuestKeptInMemoryOnly(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            Session admin = server.createAdminSession();

            Answer guest = post(server, admin, "/api/admin/guests", Map.of("meetingId", "m-1", "displayName", "Visitor"));
            String id = (String) guest.body().get("id");
            Answer admitted = post(server, admin, "/api/admin/guests/" + id + "/admit", Map.of());
            Answer unknown = post(server, admin, "/api/admin/guests/no-such-guest/admit", Map.of());

            assertThat(guest.status()).isEqualTo(201);
            assertThat(guest.body()).containsEntry("admitted", false).containsEntry("displayName", "Visitor");
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.body()).containsEntry("admitted", true);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(server.context().getBean(ExternalSessionStore.class).size()).isOne();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSignedSessionThatIsNotAnAdminIsRefusedEveryAdminEndpoint(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session ordinary = server.createSession("laptop", "device-1");

            Answer settings = put(server, ordinary, "/api/admin/settings", Map.of("serverName", "Mine", "registrationMode", "open"));
            Answer invitation = post(server, ordinary, "/api/admin/invitations", Map.of("email", "eve@example.org"));
            Answer guest = post(server, ordinary, "/api/admin/guests", Map.of("meetingId", "m-1", "displayName", "Eve"));
            Answer admit = post(server, ordinary, "/api/admin/guests/any/admit", Map.of());
            Answer admins = server.signed(ordinary, "GET", "/api/admin/admins", NO_BODY);
            Answer revoke = server.signed(ordinary, "DELETE", "/api/admin/sessions/" + ordinary.id(), NO_BODY);
            Answer doubledSlash = server.signed(ordinary, "GET", "/api//admin/admins", NO_BODY);

            for (Answer answer : new Answer[] {settings, invitation, guest, admit, admins, revoke}) {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.reason()).isEqualTo("not_admin");
            }
            // Spelled otherwise, the path matches no route at all: never an admin endpoint's answer.
            assertThat(doubledSlash.status()).isIn(403, 404);
            assertThat(server.context().getBean(ServerSettingsService.class).current().serverName()).isEqualTo("Huddle");
            assertThat(server.context().getBean(ExternalSessionStore.class).size()).isZero();
            assertThat(server.send("PUT", "/api/admin/settings", server.json(Map.of("serverName", "Mine")), Map.of()).status())
                    .as("unsigned").isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAdminListsTheAdminsAndTakesOnesRightsAway(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session first = server.createAdminSession();
            Session second = server.createSession("second admin", "device-2");
            Session ordinary = server.createSession("laptop", "device-3");
            // Cached as an ordinary session, then promoted behind this instance's back (as another instance would).
            assertThat(server.signed(second, "GET", CURRENT, NO_BODY).body()).containsEntry("admin", false);
            server.context().getBean(ClientSessionRepository.class).updateAdmin(UUID.fromString(second.id()), true);

            Answer listed = server.signed(second, "GET", "/api/admin/admins", NO_BODY);
            Answer revoked = post(server, first, "/api/admin/admins/" + second.id() + "/revoke", Map.of());
            Answer afterRevoke = server.signed(second, "GET", "/api/admin/admins", NO_BODY);
            Answer unknown = post(server, first, "/api/admin/admins/" + ordinary.id() + "/revoke", Map.of());

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.items()).extracting(admin -> admin.get("id")).containsExactly(first.id(), second.id());
            assertThat(listed.items().get(0)).containsKeys("name", "deviceId", "createdAt", "expiresAt").doesNotContainKey("secret");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(afterRevoke.status()).isEqualTo(403);
            assertThat(afterRevoke.reason()).isEqualTo("not_admin");
            assertThat(server.signed(second, "GET", CURRENT, NO_BODY).body()).containsEntry("admin", false);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(server.signed(ordinary, "GET", "/api/admin/admins", NO_BODY).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAdminRevokesASessionWhichIsUnknownFromItsNextRequestOn(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Session admin = server.createAdminSession();
            Session revoked = server.createSession("lost phone", "device-2");
            assertThat(server.signed(revoked, "GET", CURRENT, NO_BODY).status()).isEqualTo(200);

            Answer deleted = server.signed(admin, "DELETE", "/api/admin/sessions/" + revoked.id(), NO_BODY);
            Answer again = server.signed(admin, "DELETE", "/api/admin/sessions/" + revoked.id(), NO_BODY);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(again.status()).isEqualTo(404);
            assertThat(server.signed(revoked, "GET", CURRENT, NO_BODY).reason()).isEqualTo("unknown_session");
            assertThat(server.signed(revoked, "DELETE", "/api/admin/sessions/" + admin.id(), NO_BODY).status()).isEqualTo(401);
        }
    }

    private static final String CURRENT = "/api/sessions/current";
    private static final byte[] NO_BODY = new byte[0];

    private static Answer post(AuthServer server, Session session, String path, Map<String, ?> body) {
        return server.signed(session, "POST", path, server.json(body));
    }

    private static Answer put(AuthServer server, Session session, String path, Map<String, ?> body) {
        return server.signed(session, "PUT", path, server.json(body));
    }
}
