package dev.huddle.signaling;

import dev.huddle.authhmac.ExternalSessionStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** auth-hmac needs its guests' store, which the app supplies; signaling's tests supply one of their own. */
@Factory
class GuestStoreFactory {

    @Singleton
    ExternalSessionStore externalSessionStore() {
        return new ExternalSessionStore();
    }
}
