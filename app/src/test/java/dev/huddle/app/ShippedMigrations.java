package dev.huddle.app;

import dev.huddle.testsupport.Engine;

/** How many migrations the domain modules ship, the excluded one not counted, in each engine's history. */
final class ShippedMigrations {
    private ShippedMigrations() {
    }

    /** PostgreSQL has one more: events-sync's read-only role for the admin console, which SQLite (no roles) lacks. */
    static int count(Engine engine) {
        return engine == Engine.POSTGRESQL ? 26 : 25;
    }
}
