package dev.huddle.signaling.user;

import java.util.UUID;

/** Who is making a signaling request: their signaling user, and whether their session is an admin's. */
public record Caller(UUID userId, boolean admin) {
}
