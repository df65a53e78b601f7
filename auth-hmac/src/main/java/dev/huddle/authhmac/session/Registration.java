package dev.huddle.authhmac.session;

import dev.huddle.authhmac.invitation.InvitationRefusedException;
import dev.huddle.authhmac.invitation.Invitations;
import dev.huddle.authhmac.settings.ServerSettingsService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Decides who gets a client session. The admin bootstrap token makes an admin session whatever the registration mode,
 * but only while no live admin session exists. Otherwise the mode rules: {@code open} lets anyone in,
 * {@code invite_only} uses up an invitation, {@code closed} lets nobody in.
 */
@Singleton
public class Registration {
    private final SessionIssuer issuer;
    private final ServerSettingsService settings;
    private final Invitations invitations;
    private final ClientSessionRepository sessions;
    private final AdminBootstrapToken bootstrapToken;

    public Registration(SessionIssuer issuer, ServerSettingsService settings, Invitations invitations,
                        ClientSessionRepository sessions, AdminBootstrapToken bootstrapToken) {
        this.issuer = issuer;
        this.settings = settings;
        this.invitations = invitations;
        this.sessions = sessions;
        this.bootstrapToken = bootstrapToken;
    }

    /**
     * One transaction: an invitation is used up only if its session is stored. Two requests with the bootstrap token
     * at the same instant may both get admin sessions; both hold the operator's secret, so neither is an intruder.
     */
    @Transactional
    public IssuedSession register(String name, String deviceId, String invitationToken, String adminToken, Instant now) {
        if (adminToken != null && !adminToken.isBlank()) {
            refuseBootstrap(adminToken, now);
            return issuer.issue(name, deviceId, true);
        }
        switch (settings.current().registrationMode()) {
            case CLOSED -> throw new RegistrationRefusedException(RegistrationRefusedException.REGISTRATION_CLOSED,
                    "Registration is closed on this server: an admin can open it (PUT /api/admin/settings)");
            case INVITE_ONLY -> acceptInvitation(invitationToken, now);
            case OPEN -> { }
        }
        return issuer.issue(name, deviceId, false);
    }

    private void refuseBootstrap(String adminToken, Instant now) {
        if (!bootstrapToken.matches(adminToken)) {
            throw new RegistrationRefusedException(RegistrationRefusedException.ADMIN_TOKEN_REFUSED, "adminToken does not "
                    + "match huddle.auth.admin-bootstrap-token (or none is configured): send the configured value, or "
                    + "leave adminToken out for an ordinary session");
        }
        if (sessions.existsByAdminAndExpiresAtGreaterThan(true, now)) {
            throw new RegistrationRefusedException(RegistrationRefusedException.ADMIN_TOKEN_REFUSED, "This server already "
                    + "has a live admin session: the bootstrap token only makes one while none exists; ask that admin");
        }
    }

    private void acceptInvitation(String invitationToken, Instant now) {
        if (invitationToken == null || invitationToken.isBlank()) {
            throw new RegistrationRefusedException(RegistrationRefusedException.INVITATION_REQUIRED, "Registration on this "
                    + "server is by invitation: send the invitation's token as invitationToken");
        }
        try {
            invitations.accept(invitationToken, now);
        } catch (InvitationRefusedException e) {
            throw new RegistrationRefusedException(RegistrationRefusedException.INVITATION_REFUSED, e.getMessage());
        }
    }
}
