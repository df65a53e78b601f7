package dev.huddle.authhmac.session;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;

/**
 * {@code POST /api/sessions}, the one unsigned API call, which returns a session's secret once (400
 * {@code invalid_request} for a body it cannot use, 403 with the reason when {@link Registration} refuses); and
 * {@code GET /api/sessions/current}, which shows a client the session its signature proved.
 */
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {
    static final int LONGEST_NAME = 200;

    private final Registration registration;
    private final JsonBodies bodies;

    public SessionController(Registration registration, JsonBodies bodies) {
        this.registration = registration;
        this.bodies = bodies;
    }

    @Post
    public HttpResponse<IssuedSession> create(@Nullable @Body String body) {
        NewSession request = bodies.read(body, NewSession.class);
        String deviceId = RequestValues.text(request.deviceId(), "deviceId", LONGEST_NAME);
        String name = RequestValues.text(request.name(), "name", LONGEST_NAME);
        try {
            return HttpResponse.created(registration.register(name, deviceId, request.invitationToken(),
                    request.adminToken(), Instant.now()));
        } catch (RegistrationRefusedException e) {
            throw RequestProblem.forbidden(e.reason(), e.getMessage());
        }
    }

    @Get("/current")
    public SignedSession current(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session) {
        return session;
    }
}
