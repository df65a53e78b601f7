package dev.huddle.signaling.apikey;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import dev.huddle.web.RequestProblem;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates, lists and revokes API keys. Who may call these is the controller's check (admins only). */
@Singleton
public class ApiKeyService {
    static final int LONGEST_NAME = 100;
    static final int MOST_SCOPES = 20;
    /** A scope is a word such as {@code relay} or {@code rooms:read}. */
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9._:-]{0,63}");
    private static final Argument<List<String>> SCOPES = Argument.listOf(String.class);

    private final ApiKeyRepository keys;
    private final JsonBodies json;

    public ApiKeyService(ApiKeyRepository keys, JsonBodies json) {
        this.keys = keys;
        this.json = json;
    }

    @Transactional
    public ApiKeyViews.Created create(ApiKeyRequests request) {
        String name = RequestValues.text(request.name(), "name", LONGEST_NAME);
        List<String> scopes = scopes(request.scopes());
        UUID id = UUID.randomUUID();
        String key = ApiKeySecrets.newKey(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keys.save(new ApiKey(id, ApiKeySecrets.hash(key), name, json.write(scopes), now, null, null));
        return new ApiKeyViews.Created(id.toString(), name, scopes, now.toString(), key);
    }

    /** Every key, revoked ones too, oldest first. */
    @Transactional
    public List<ApiKeyViews.Listed> list() {
        return keys.listOrderByCreatedAt().stream().map(key -> ApiKeyViews.Listed.of(key, json.parse(key.scopes(), SCOPES)))
                .toList();
    }

    /** Revokes the key at once; revoking it again keeps the first time. */
    @Transactional
    public ApiKeyViews.Listed revoke(UUID id) {
        if (keys.findById(id).isEmpty()) {
            throw RequestProblem.notFound("API key", id);
        }
        keys.revoke(id, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ApiKey revoked = keys.findById(id).orElseThrow();
        return ApiKeyViews.Listed.of(revoked, json.parse(revoked.scopes(), SCOPES));
    }

    private static List<String> scopes(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MOST_SCOPES) {
            throw RequestProblem.invalid("scopes has " + requested.size() + " entries; at most " + MOST_SCOPES + " are allowed.");
        }
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw RequestProblem.invalid("The scope '" + scope + "' is not allowed; a scope is 1 to 64 characters of "
                        + "a-z, 0-9 and . _ : -, starting with a letter, such as relay or rooms:read.");
            }
            scopes.add(scope);
        }
        return List.copyOf(scopes);
    }
}
