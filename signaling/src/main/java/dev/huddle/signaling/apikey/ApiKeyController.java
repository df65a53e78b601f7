package dev.huddle.signaling.apikey;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.signaling.http.JsonBodies;
import dev.huddle.signaling.http.RequestFields;
import dev.huddle.signaling.http.SignalingProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code /api/signaling/api-keys}: create (the key is in that answer only), list (never a secret) and revoke. Admin
 * sessions only; any other signed session gets 403 {@value #NOT_ADMIN}, checked before the body is read.
 */
@Controller("/api/signaling/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeyController {
    static final String NOT_ADMIN = "not_admin";

    private final ApiKeyService service;
    private final JsonBodies bodies;

    public ApiKeyController(ApiKeyService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post
    public HttpResponse<ApiKeyViews.Created> create(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                                    @Nullable @Body String body) {
        requireAdmin(session);
        return HttpResponse.created(service.create(bodies.read(body, ApiKeyRequests.class)));
    }

    @Get
    public List<ApiKeyViews.Listed> list(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session) {
        requireAdmin(session);
        return service.list();
    }

    @Delete("/{keyId}")
    public ApiKeyViews.Listed revoke(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                     @PathVariable String keyId) {
        requireAdmin(session);
        return service.revoke(RequestFields.uuid(keyId, "keyId"));
    }

    private static void requireAdmin(SignedSession session) {
        if (!session.admin()) {
            throw SignalingProblem.forbidden(NOT_ADMIN, "Session " + session.id() + " is not an admin session; API keys "
                    + "are managed by admins (README, \"Registration and admins\").");
        }
    }
}
