package dev.huddle.signaling.relay.handshake;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * A handshake that passed: the signaling user it proved, admitted to the room, and the message id it resumes after
 * (the {@code since} query parameter), if any.
 */
public record AdmittedPeer(UUID room, UUID user, @Nullable UUID since) {
}
