package dev.huddle.signaling.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of a new API key: a name to recognise it by and, optionally, its scopes. */
@Serdeable
public record ApiKeyRequests(@Nullable String name, @Nullable List<String> scopes) {
}
