package dev.huddle.migration.plan;

/** The script that reverts one migration, with the same version and description as its up script; read when needed. */
public record DownScript(String fileName, String origin, ScriptText text) {

    public DownScript(String fileName, String origin, String sql) {
        this(fileName, origin, ScriptText.of(sql));
    }

    public String sql() {
        return text.sql();
    }
}
