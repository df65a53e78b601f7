package dev.huddle.migration.history;

import java.time.Instant;

/**
 * One row of the history table. A successful row means its migration is applied; a failed row means a
 * migration stopped midway on a database that could not roll it back.
 *
 * @param script  {@code <module>/<file name>}, as {@link dev.huddle.migration.plan.ResolvedScript#script()} writes it
 * @param adopted whether the row records a migration adopted ({@code baseline}, {@code import}) on a database whose
 *                schema already had it, rather than run here
 */
public record AppliedMigration(int installedRank, String version, String description, String script, Integer checksum,
                               Instant installedOn, int executionTimeMillis, boolean success, boolean adopted) {

    /** A row of a migration Huddle ran. */
    public AppliedMigration(int installedRank, String version, String description, String script, Integer checksum,
                            Instant installedOn, int executionTimeMillis, boolean success) {
        this(installedRank, version, description, script, checksum, installedOn, executionTimeMillis, success, false);
    }

    /** The module that owns the migration, taken from the script path; {@code "?"} for rows Huddle did not write. */
    public String module() {
        int slash = script == null ? -1 : script.indexOf('/');
        return slash > 0 ? script.substring(0, slash) : "?";
    }

    /** The script's file name without its module folder. */
    public String fileName() {
        int slash = script == null ? -1 : script.indexOf('/');
        return slash >= 0 ? script.substring(slash + 1) : script;
    }
}
