package dev.huddle.authhmac;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A guest's session from outside the server (a join link), kept in memory only. */
@Serdeable
public record ExternalSession(String id, String meetingId, String displayName, boolean admitted, Instant createdAt,
                              Instant expiresAt) {

    public ExternalSession admit() {
        return new ExternalSession(id, meetingId, displayName, true, createdAt, expiresAt);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
