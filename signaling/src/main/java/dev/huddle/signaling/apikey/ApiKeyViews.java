package dev.huddle.signaling.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** What the API key endpoints answer. Only {@link Created} holds the key, and only the once. */
public final class ApiKeyViews {
    private ApiKeyViews() {
    }

    /** A key as listed: never its secret or hash. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Listed(String id, String name, List<String> scopes, String createdAt, @Nullable String lastUsedAt,
                         @Nullable String revokedAt) {

        static Listed of(ApiKey key, List<String> scopes) {
            return new Listed(key.id().toString(), key.name(), scopes, key.createdAt().toString(), text(key.lastUsedAt()),
                    text(key.revokedAt()));
        }
    }

    /** A key just created, with its plaintext {@code key}: store it now, the server cannot show it again. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Created(String id, String name, List<String> scopes, String createdAt, String key) {
    }

    private static String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
