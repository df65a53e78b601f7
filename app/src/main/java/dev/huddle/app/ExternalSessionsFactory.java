package dev.huddle.app;

import dev.huddle.authhmac.ExternalSessionStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The in-memory external_sessions table: one per process, gone when it stops. */
@Factory
public class ExternalSessionsFactory {

    @Singleton
    public ExternalSessionStore externalSessionStore() {
        return new ExternalSessionStore();
    }
}
