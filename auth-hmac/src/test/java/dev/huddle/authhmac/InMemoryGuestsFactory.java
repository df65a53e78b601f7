package dev.huddle.authhmac;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The app supplies the external sessions' store (its ExternalSessionsFactory); the module's tests supply their own. */
@Factory
class InMemoryGuestsFactory {

    @Singleton
    ExternalSessionStore externalSessionStore() {
        return new ExternalSessionStore();
    }
}
