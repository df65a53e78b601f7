package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.admin.AdminSessions.AdminView;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
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
 * {@code DELETE /api/admin/sessions/{id}} revokes any session. A malformed id is 400 {@code invalid_request}, an
 * unknown one 404 {@code not_found}.
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
    public Map<String, Object> revokeAdmin(@PathVariable String id) {
        UUID session = RequestValues.uuid(id, "session id");
        if (!admins.revokeAdmin(session, Instant.now())) {
            throw RequestProblem.unknown("No live admin session " + session + ": list them with GET /api/admin/admins.");
        }
        return Map.of("id", session.toString(), "admin", false);
    }

    @Delete("/sessions/{id}")
    public HttpResponse<Void> revokeSession(@PathVariable String id) {
        UUID session = RequestValues.uuid(id, "session id");
        if (!admins.revokeSession(session)) {
            throw RequestProblem.unknown("No client session " + session + ": it never existed or was already revoked.");
        }
        return HttpResponse.noContent();
    }
}
