package dev.huddle.signaling;

import dev.huddle.authhmac.AuthHmacModule;
import dev.huddle.testdatabases.MigratedDatabases;
import dev.huddle.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** The settings a signaling test context needs on a migrated test database: its URL and a fixed server key. */
final class SignalingContext {
    /** A fixed test key (32 bytes, base64), so sessions can be made on PostgreSQL too. */
    static final String SERVER_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private SignalingContext() {
    }

    /** Databases holding the modules signaling needs: its own, and auth-hmac's sessions. */
    static MigratedDatabases databases() {
        return MigratedDatabases.withModules(AuthHmacModule.NAME, SignalingModule.NAME);
    }

    /** Beans only: repositories and services, no HTTP server. */
    static ApplicationContext beans(TestDatabase database) {
        return ApplicationContext.run(settings(database, Map.of()));
    }

    /** The whole module served over HTTP on a free loopback port. */
    static EmbeddedServer server(TestDatabase database) {
        return ApplicationContext.run(EmbeddedServer.class, settings(database, Map.of("micronaut.server.port", -1)));
    }

    private static Map<String, Object> settings(TestDatabase database, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("huddle.database.url", database.url());
        settings.put("huddle.auth.server-key", SERVER_KEY);
        settings.put("datasources.default.maximum-pool-size", 4);
        return settings;
    }
}
