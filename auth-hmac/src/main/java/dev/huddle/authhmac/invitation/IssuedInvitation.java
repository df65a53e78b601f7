package dev.huddle.authhmac.invitation;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A new invitation and its token, which exists only here: the database keeps its hash. {@link #toString()} hides it. */
@Serdeable
public record IssuedInvitation(String id, String email, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedInvitation[id=" + id + ", email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
