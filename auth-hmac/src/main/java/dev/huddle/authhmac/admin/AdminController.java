package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.ExternalSession;
import dev.huddle.authhmac.ExternalSessions;
import dev.huddle.authhmac.invitation.Invitations;
import dev.huddle.authhmac.invitation.IssuedInvitation;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettings;
import dev.huddle.authhmac.settings.ServerSettingsController.SettingsView;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code /api/admin/**}: what only an admin session may do. Change the server settings, create an invitation (its
 * token is in this answer only), create a waiting guest and admit one. Bad input is refused with 400
 * {@code invalid_request}, an unknown guest with 404 {@code not_found}. Any other signed session gets 403
 * {@code not_admin} from the signature filter, as under every {@code /api/admin/} path.
 */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {
    static final Duration DEFAULT_INVITATION_LIFETIME = Duration.ofDays(7);
    static final int LONGEST_INVITATION_HOURS = 24 * 90;
    static final int LONGEST_GUEST_FIELD = 200;

    private final ServerSettingsService settings;
    private final Invitations invitations;
    private final ExternalSessions guests;
    private final JsonBodies bodies;

    public AdminController(ServerSettingsService settings, Invitations invitations, ExternalSessions guests,
                           JsonBodies bodies) {
        this.settings = settings;
        this.invitations = invitations;
        this.guests = guests;
        this.bodies = bodies;
    }

    @Serdeable
    public record SettingsChange(@Nullable String serverName, @Nullable String registrationMode) {
    }

    @Serdeable
    public record NewInvitation(@Nullable String email, @Nullable Integer validForHours) {
    }

    @Serdeable
    public record NewGuest(@Nullable String meetingId, @Nullable String displayName) {
    }

    @Put("/settings")
    public SettingsView changeSettings(@Nullable @Body String body) {
        SettingsChange change = bodies.read(body, SettingsChange.class);
        try {
            RegistrationMode mode = change.registrationMode() == null ? null
                    : RegistrationMode.fromColumnValue(change.registrationMode().strip());
            ServerSettings changed = settings.update(change.serverName(), mode);
            return new SettingsView(changed.serverName(), changed.registrationMode().columnValue());
        } catch (IllegalArgumentException e) {
            throw RequestProblem.invalid(e.getMessage());
        }
    }

    @Post("/invitations")
    public HttpResponse<IssuedInvitation> invite(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                                 @Nullable @Body String body) {
        NewInvitation request = bodies.read(body, NewInvitation.class);
        Integer hours = request.validForHours();
        if (hours != null && (hours < 1 || hours > LONGEST_INVITATION_HOURS)) {
            throw RequestProblem.invalid("validForHours is " + hours + "; send 1 to " + LONGEST_INVITATION_HOURS
                    + " (default " + DEFAULT_INVITATION_LIFETIME.toHours() + ").");
        }
        try {
            return HttpResponse.created(invitations.create(request.email(), "session " + session.id(),
                    hours == null ? DEFAULT_INVITATION_LIFETIME : Duration.ofHours(hours)));
        } catch (IllegalArgumentException e) {
            throw RequestProblem.invalid(e.getMessage());
        }
    }

    @Post("/guests")
    public HttpResponse<ExternalSession> createGuest(@Nullable @Body String body) {
        NewGuest request = bodies.read(body, NewGuest.class);
        String meetingId = RequestValues.text(request.meetingId(), "meetingId", LONGEST_GUEST_FIELD);
        String displayName = RequestValues.text(request.displayName(), "displayName", LONGEST_GUEST_FIELD);
        return HttpResponse.created(guests.create(meetingId, displayName, Instant.now()));
    }

    @Post("/guests/{id}/admit")
    public ExternalSession admitGuest(@PathVariable String id) {
        Instant now = Instant.now();
        if (!guests.admit(id, now)) {
            throw RequestProblem.unknown("No waiting guest " + RequestValues.optionalText(id, "id", LONGEST_GUEST_FIELD)
                    + ": it never existed, expired (huddle.auth.external-session-ttl) or the server restarted; create "
                    + "the guest again.");
        }
        return guests.find(id, now).orElseThrow();
    }
}
