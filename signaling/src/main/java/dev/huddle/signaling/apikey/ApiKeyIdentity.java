package dev.huddle.signaling.apikey;

import java.util.List;
import java.util.UUID;

/** Who a valid API key is: its id, the name given at creation and its scopes. Never the key itself. */
public record ApiKeyIdentity(UUID id, String name, List<String> scopes) {
    public ApiKeyIdentity {
        scopes = List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
