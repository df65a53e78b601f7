package dev.huddle.migration.status;

import java.util.Locale;

/** Where one migration stands in one database. */
public enum MigrationState {
    /** In the history and its file is present. */
    APPLIED(false),
    /** Its file is present, not yet in the history. */
    PENDING(false),
    /** Recorded as failed midway: the database could not roll it back. */
    FAILED(true),
    /** Applied after a migration with a newer version. */
    OUT_OF_ORDER(false),
    /** Applied, but its file was edited since: the checksums differ. */
    CHECKSUM_MISMATCH(true),
    /** In the history, but its module no longer ships its file. */
    MISSING(true),
    /** In the history, newer than every script its module ships: a newer release applied it. */
    FUTURE(true),
    /** A second successful row for a version already applied. */
    DUPLICATE(true),
    /** A row whose module no module on the class path or in --modules-dir declares. */
    UNKNOWN_MODULE(true),
    /** Kept in a module's folder, never run. */
    EXCLUDED(false);

    private final boolean problem;

    MigrationState(boolean problem) {
        this.problem = problem;
    }

    /** Whether the history cannot be trusted while a migration is in this state; every such state stops up and down. */
    public boolean isProblem() {
        return problem;
    }

    /** The name shown by status: {@code out_of_order}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
