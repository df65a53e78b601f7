package dev.huddle.authhmac.invitation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code invitations}: only the token's SHA-256 is kept, never the token. */
@MappedEntity("invitations")
public record Invitation(@Id UUID id, String email, String tokenHash, String invitedBy, Instant createdAt, Instant expiresAt,
                         @Nullable Instant acceptedAt) {
}
