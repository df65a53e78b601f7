package dev.huddle.app.migration;

/** What the app does with pending migrations at boot ({@code huddle.migration.mode}, env HUDDLE_MIGRATION_MODE). */
public enum MigrationMode {
    /** Apply them (the default). */
    MIGRATE,
    /** Refuse to start while any is pending, listing them; for deployments that migrate with the runner. */
    VALIDATE,
    /** Do nothing; the schema is someone else's concern. */
    OFF
}
