package dev.huddle.authhmac.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/sessions}: the device asking and a name for it. */
@Serdeable
public record NewSession(@Nullable String deviceId, @Nullable String name) {
}
