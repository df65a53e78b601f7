package dev.huddle.migration.plan;

/** The script that reverts one migration, with the same version and description as its up script. */
public record DownScript(String fileName, String origin, String sql) {
}
