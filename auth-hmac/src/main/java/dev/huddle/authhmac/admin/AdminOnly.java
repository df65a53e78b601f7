package dev.huddle.authhmac.admin;

import dev.huddle.authhmac.signing.SignedSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.Map;

/** The 403 an admin endpoint answers a correctly signed session that is not an admin. */
final class AdminOnly {
    static final String NOT_ADMIN = "not_admin";

    private AdminOnly() {
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
