package dev.huddle.app.migration;

import dev.huddle.migration.failure.UsageException;

/** What the app does with pending migrations at boot ({@code huddle.migration.mode}, env HUDDLE_MIGRATION_MODE). */
public enum MigrationMode {
    /** Apply them (the default). */
    MIGRATE,
    /** Refuse to start while any is pending, listing them; for deployments that migrate with the runner. */
    VALIDATE,
    /** Do nothing; the schema is someone else's concern. */
    OFF;

    /**
     * The mode named, in any case.
     *
     * @throws UsageException listing the allowed values
     */
    static MigrationMode parse(String name) {
        for (MigrationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return mode;
            }
        }
        throw new UsageException("HUDDLE_MIGRATION_MODE (huddle.migration.mode) '" + name + "' is not a boot migration mode.",
                "Use migrate (apply pending migrations at boot, the default), validate (refuse to start while any is pending) "
                        + "or off (leave the schema alone).");
    }
}
