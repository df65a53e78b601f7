package dev.huddle.migration.status;

import java.util.Locale;

/** Where one migration stands in one database. */
public enum MigrationState {
    /** In the history and its file is present. */
    APPLIED,
    /** Its file is present, not yet in the history. */
    PENDING,
    /** Recorded as failed midway: the database could not roll it back. */
    FAILED,
    /** Applied after a migration with a newer version. */
    OUT_OF_ORDER,
    /** In the history, but no module ships its file any more. */
    MISSING,
    /** Kept in a module's folder, never run. */
    EXCLUDED;

    /** The name shown by status: {@code out_of_order}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
