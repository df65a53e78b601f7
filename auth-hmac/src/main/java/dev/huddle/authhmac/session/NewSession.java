package dev.huddle.authhmac.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/sessions}: the device asking and a name for it; the invitation token when registration
 * is {@code invite_only}; the configured admin bootstrap token to make the server's first admin session.
 */
@Serdeable
public record NewSession(@Nullable String deviceId, @Nullable String name, @Nullable String invitationToken,
                         @Nullable String adminToken) {
}
