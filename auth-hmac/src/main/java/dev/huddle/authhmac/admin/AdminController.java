package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.ExternalSessions;
import dev.huddle.authhmac.invitation.Invitations;
import dev.huddle.authhmac.settings.RegistrationMode;
import dev.huddle.authhmac.settings.ServerSettings;
import dev.huddle.authhmac.settings.ServerSettingsController.SettingsView;
import dev.huddle.authhmac.settings.ServerSettingsService;
import dev.huddle.authhmac.signing.SignedSession;
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
import java.util.Map;

/**
 * {@code /api/admin/**}: what only an admin session may do. Change the server settings, create an invitation (its
 * token is in this answer only), create a waiting guest and admit one. Any other signed session gets 403
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

    public AdminController(ServerSettingsService settings, Invitations invitations, ExternalSessions guests) {
        this.settings = settings;
        this.invitations = invitations;
        this.guests = guests;
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
    public HttpResponse<?> changeSettings(@Body SettingsChange change) {
        try {
            RegistrationMode mode = change.registrationMode() == null ? null
                    : RegistrationMode.fromColumnValue(change.registrationMode().strip());
            ServerSettings changed = settings.update(change.serverName(), mode);
            return HttpResponse.ok(new SettingsView(changed.serverName(), changed.registrationMode().columnValue()));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @Post("/invitations")
    public HttpResponse<?> invite(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                  @Body NewInvitation request) {
        Integer hours = request.validForHours();
        if (hours != null && (hours < 1 || hours > LONGEST_INVITATION_HOURS)) {
            return badRequest("validForHours must be 1 to " + LONGEST_INVITATION_HOURS + " (default "
                    + DEFAULT_INVITATION_LIFETIME.toHours() + ")");
        }
        try {
            return HttpResponse.created(invitations.create(request.email(), "session " + session.id(),
                    hours == null ? DEFAULT_INVITATION_LIFETIME : Duration.ofHours(hours)));
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @Post("/guests")
    public HttpResponse<?> createGuest(@Body NewGuest request) {
        if (isUnusable(request.meetingId()) || isUnusable(request.displayName())) {
            return badRequest("meetingId and displayName are required, at most " + LONGEST_GUEST_FIELD
                    + " characters each: send {\"meetingId\": \"...\", \"displayName\": \"...\"}");
        }
        return HttpResponse.created(guests.create(request.meetingId().strip(), request.displayName().strip(), Instant.now()));
    }

    @Post("/guests/{id}/admit")
    public HttpResponse<?> admitGuest(@PathVariable String id) {
        Instant now = Instant.now();
        if (!guests.admit(id, now)) {
            return HttpResponse.notFound(Map.of("message", "No waiting guest " + id + ": it never existed, expired "
                    + "(huddle.auth.external-session-ttl) or the server restarted; create the guest again"));
        }
        return HttpResponse.ok(guests.find(id, now).orElseThrow());
    }

    private static boolean isUnusable(String value) {
        return value == null || value.isBlank() || value.length() > LONGEST_GUEST_FIELD;
    }

    private static HttpResponse<?> badRequest(String message) {
        return HttpResponse.badRequest(Map.of("message", message));
    }
}
