package dev.huddle.authhmac;

import dev.huddle.migration.discover.HuddleModule;
import dev.huddle.migration.discover.ModuleDescriptor;

/** Declares the auth-hmac module's schema to Huddle's migration engine; found through ServiceLoader. */
public final class AuthHmacModule implements HuddleModule {
    public static final String NAME = "auth-hmac";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.onClasspath(NAME, AuthHmacModule.class)
                // External sessions are held by ExternalSessionStore and vanish with the process.
                .inMemoryTable(ExternalSessionStore.TABLE)
                .exclude("V20250616120000__external_session_boolean_admitted.sql",
                        "external_sessions lives in memory only; the admitted flag is a field of ExternalSession")
                .build();
    }
}
