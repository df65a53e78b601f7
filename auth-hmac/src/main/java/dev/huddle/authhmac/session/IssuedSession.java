package dev.huddle.authhmac.session;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What {@code POST /api/sessions} answers, the only time the secret leaves the server. {@link #toString()} hides it,
 * so that no log line can carry it.
 */
@Serdeable
public record IssuedSession(String id, String secret, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[id=" + id + ", expiresAt=" + expiresAt + "]";
    }
}
