package dev.huddle.authhmac;

import dev.huddle.authhmac.invitation.Invitation;
import dev.huddle.authhmac.invitation.InvitationRefusedException;
import dev.huddle.authhmac.invitation.InvitationRepository;
import dev.huddle.authhmac.invitation.Invitations;
import dev.huddle.authhmac.invitation.IssuedInvitation;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettings;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.Engine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server settings and invitations through their repositories, the same code on both engines. */
class SettingsAndInvitationsIT {
    @RegisterExtension
    static final MigratedDatabases DATABASES = MigratedDatabases.withModules(AuthHmacModule.NAME);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void settingsStartAsTheMigrationSeedsThemAndKeepAnUpdate(Engine engine) {
        try (AuthServer server = AuthServer.startAsMigrated(DATABASES.fresh(engine))) {
            ServerSettingsService settings = server.context().getBean(ServerSettingsService.class);

            assertThat(settings.current().serverName()).isEqualTo("Huddle");
            assertThat(settings.current().registrationMode()).isEqualTo(RegistrationMode.INVITE_ONLY);
            ServerSettings updated = settings.update("  Team Huddle ", RegistrationMode.OPEN);

            assertThat(settings.current()).isEqualTo(updated);
            assertThat(updated.serverName()).isEqualTo("Team Huddle");
            assertThat(updated.registrationMode()).isEqualTo(RegistrationMode.OPEN);
            assertThatThrownBy(() -> settings.update(" ", RegistrationMode.CLOSED)).hasMessageContaining("server name");
            assertThat(settings.current().registrationMode()).isEqualTo(RegistrationMode.OPEN);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSignedClientReadsTheSettingsAndAnUnsignedOneIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            AuthServer.Session session = server.createSession("laptop", "device-1");
            server.context().getBean(ServerSettingsService.class).update("Team Huddle", RegistrationMode.CLOSED);

            AuthServer.Answer answer = server.signed(session, "GET", "/api/server-settings", new byte[0]);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).containsEntry("serverName", "Team Huddle").containsEntry("registrationMode", "closed");
            assertThat(server.send("GET", "/api/server-settings", new byte[0], java.util.Map.of()).status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInvitationIsAcceptedOnceAndItsTokenIsStoredOnlyHashed(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Invitations invitations = server.context().getBean(Invitations.class);
            IssuedInvitation issued = invitations.create("ada@example.org", "admin-session", Duration.ofDays(7));

            Invitation row = server.context().getBean(InvitationRepository.class).findById(UUID.fromString(issued.id())).orElseThrow();
            assertThat(row.tokenHash()).isNotEqualTo(issued.token()).doesNotContain(issued.token()).hasSize(64);
            assertThat(issued.toString()).doesNotContain(issued.token());

            Invitation accepted = invitations.accept(issued.token(), Instant.now());
            assertThat(accepted.acceptedAt()).isNotNull();
            assertThatThrownBy(() -> invitations.accept(issued.token(), Instant.now()))
                    .isInstanceOf(InvitationRefusedException.class).hasMessageContaining("already accepted");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExpiredOrUnknownInvitationIsRefused(Engine engine) {
        try (AuthServer server = AuthServer.start(DATABASES.fresh(engine))) {
            Invitations invitations = server.context().getBean(Invitations.class);
            IssuedInvitation issued = invitations.create("ada@example.org", "admin-session", Duration.ofHours(1));

            assertThatThrownBy(() -> invitations.accept(issued.token(), Instant.now().plus(Duration.ofHours(2))))
                    .isInstanceOf(InvitationRefusedException.class).hasMessageContaining("expired");
            assertThatThrownBy(() -> invitations.accept("not-a-token", Instant.now()))
                    .isInstanceOf(InvitationRefusedException.class).hasMessageContaining("No invitation");
            assertThat(invitations.accept(issued.token(), Instant.now()).acceptedAt()).as("still open before expiry").isNotNull();
        }
    }
}
