package dev.huddle.authhmac.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Map;

/**
 * The admin rule: every {@value #PATH_PREFIX}** request needs an admin session, whichever module serves it (auth-hmac's
 * own admin API, events-sync's on-demand sync); a correctly signed session that is not an admin gets 403
 * {@code not_admin}. A path rule, so that a module puts an endpoint behind it by where it mounts it, without
 * depending on auth-hmac.
 */
final class AdminOnly {
    static final String NOT_ADMIN = "not_admin";
    static final String PATH_PREFIX = "/api/admin/";

    private AdminOnly() {
    }

    /** Whether the request's path, or the template of the route it matched, is under {@value #PATH_PREFIX}. */
    static boolean covers(HttpRequest<?> request) {
        // The matched route decides too, so that a path spelled otherwise (doubled slashes, say) cannot slip past.
        return request.getPath().startsWith(PATH_PREFIX) || RouteAttributes.getRouteInfo(request)
                .filter(route -> route instanceof UriRouteInfo<?, ?> uri && uri.getUriMatchTemplate().toString().startsWith(PATH_PREFIX))
                .isPresent();
    }

    /** Null when the session is an admin; otherwise the refusal to answer. */
    static @Nullable HttpResponse<?> refusal(SignedSession session) {
        if (session.admin()) {
            return null;
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("reason", NOT_ADMIN, "message", "Session "
                + session.id() + " is not an admin session: ask an admin, or create the first admin session with the "
                + "admin bootstrap token (README, \"Registration and admins\")"));
    }
}
