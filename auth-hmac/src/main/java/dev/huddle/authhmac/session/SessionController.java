package dev.huddle.authhmac.session;

import dev.huddle.authhmac.signing.SignedSession;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/sessions}, the one unsigned API call, which returns a session's secret once (403 with
 * {@code {"reason": ..., "message": ...}} when {@link Registration} refuses); and
 * {@code GET /api/sessions/current}, which shows a client the session its signature proved.
 */
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {
    static final int LONGEST_NAME = 200;

    private final Registration registration;

    public SessionController(Registration registration) {
        this.registration = registration;
    }

    @Post
    public HttpResponse<?> create(@Body NewSession request) {
        String problem = problemWith(request);
        if (problem != null) {
            return HttpResponse.badRequest(Map.of("message", problem));
        }
        try {
            return HttpResponse.created(registration.register(request.name().strip(), request.deviceId().strip(),
                    request.invitationToken(), request.adminToken(), Instant.now()));
        } catch (RegistrationRefusedException e) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("reason", e.reason(), "message", e.getMessage()));
        }
    }

    @Get("/current")
    public SignedSession current(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session) {
        return session;
    }

    private static String problemWith(NewSession request) {
        if (request.deviceId() == null || request.deviceId().isBlank()) {
            return "deviceId is missing: send {\"deviceId\": \"...\", \"name\": \"...\"}";
        }
        if (request.name() == null || request.name().isBlank()) {
            return "name is missing: send {\"deviceId\": \"...\", \"name\": \"...\"}";
        }
        if (request.name().length() > LONGEST_NAME || request.deviceId().length() > LONGEST_NAME) {
            return "deviceId and name must be at most " + LONGEST_NAME + " characters";
        }
        return null;
    }
}
