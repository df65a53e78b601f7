package dev.huddle.signaling.apikey;

import dev.huddle.web.JsonBodies;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a presented API key (for the relay's server-to-server connections): its identity when the key exists, is not
 * revoked and its secret matches in constant time; empty otherwise, without saying which check failed, so a caller
 * cannot probe for key ids. The key is never logged.
 */
@Singleton
public class ApiKeyVerifier {
    /** last_used_at is kept to this precision, so a busy key is not one write per connection. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final Argument<List<String>> SCOPES = Argument.listOf(String.class);

    private final ApiKeyRepository keys;
    private final JsonBodies json;

    public ApiKeyVerifier(ApiKeyRepository keys, JsonBodies json) {
        this.keys = keys;
        this.json = json;
    }

    public Optional<ApiKeyIdentity> verify(String presented) {
        Optional<UUID> id = ApiKeySecrets.idOf(presented);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> found = keys.findById(id.get());
        if (found.isEmpty() || found.get().revoked() || !ApiKeySecrets.matches(presented, found.get().keyHash())) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        recordUse(key, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return Optional.of(new ApiKeyIdentity(key.id(), key.name(), json.parse(key.scopes(), SCOPES)));
    }

    private void recordUse(ApiKey key, Instant now) {
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
            keys.markUsed(key.id(), now);
        }
    }
}
