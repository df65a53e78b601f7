package dev.huddle.authhmac.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The client session a request's signature proved, set on the request as {@value #ATTRIBUTE} for controllers
 * ({@code @RequestAttribute(SignedSession.ATTRIBUTE)}).
 */
@Serdeable
public record SignedSession(String id, String name, @Nullable String deviceId, Instant expiresAt, boolean admin) {
    public static final String ATTRIBUTE = "huddle.signed-session";
}
