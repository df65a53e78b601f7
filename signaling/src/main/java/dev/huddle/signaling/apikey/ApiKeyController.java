package dev.huddle.signaling.apikey;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code /api/admin/signaling/api-keys}: create (the key is in that answer only), list (never a secret) and revoke.
 * Mounted under {@code /api/admin/} so that auth-hmac's signature filter admits admin sessions only (403
 * {@code not_admin} for any other, before the body is read): the admin rule lives in one place, not here.
 */
@Controller("/api/admin/signaling/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeyController {
    private final ApiKeyService service;
    private final JsonBodies bodies;

    public ApiKeyController(ApiKeyService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post
    public HttpResponse<ApiKeyViews.Created> create(@Nullable @Body String body) {
        return HttpResponse.created(service.create(bodies.read(body, ApiKeyRequests.class)));
    }

    @Get
    public List<ApiKeyViews.Listed> list() {
        return service.list();
    }

    @Delete("/{keyId}")
    public ApiKeyViews.Listed revoke(@PathVariable String keyId) {
        return service.revoke(RequestValues.uuid(keyId, "keyId"));
    }
}
