package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.admin.AdminSessions.AdminView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admin sessions and revocation, for admins only (every {@code /api/admin/} path is): {@code GET /api/admin/admins}
 * lists the live admin sessions, {@code POST /api/admin/admins/{id}/revoke} takes one's admin rights away, and
 * {@code DELETE /api/admin/sessions/{id}} revokes any session.
 */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminSessionsController {
    private final AdminSessions admins;

    public AdminSessionsController(AdminSessions admins) {
        this.admins = admins;
    }

    @Get("/admins")
    public List<AdminView> admins() {
        return admins.liveAdmins(Instant.now());
    }

    @Post("/admins/{id}/revoke")
    public HttpResponse<?> revokeAdmin(@PathVariable String id) {
        UUID session = sessionId(id);
        if (session == null || !admins.revokeAdmin(session, Instant.now())) {
            return notFound("No live admin session " + id + ": list them with GET /api/admin/admins");
        }
        return HttpResponse.ok(Map.of("id", id, "admin", false));
    }

    @Delete("/sessions/{id}")
    public HttpResponse<?> revokeSession(@PathVariable String id) {
        UUID session = sessionId(id);
        if (session == null || !admins.revokeSession(session)) {
            return notFound("No client session " + id + ": it never existed or was already revoked");
        }
        return HttpResponse.noContent();
    }

    private static UUID sessionId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HttpResponse<?> notFound(String message) {
        return HttpResponse.notFound(Map.of("message", message));
    }
}
