package dev.huddle.migration.plan;

import java.util.function.Supplier;

/**
 * A script's text, read when first needed and then kept, with its checksum and directives. Planning names every
 * script of every dialect but reads only those a command needs: a no-op start must not read thousands of files.
 */
public final class ScriptText {
    private final Supplier<String> loader;
    private String sql;
    private Integer checksum;
    private ScriptDirectives directives;

    private ScriptText(Supplier<String> loader) {
        this.loader = loader;
    }

    public static ScriptText of(String sql) {
        ScriptText text = new ScriptText(() -> sql);
        text.sql = sql;
        return text;
    }

    public static ScriptText lazy(Supplier<String> loader) {
        return new ScriptText(loader);
    }

    public synchronized String sql() {
        if (sql == null) {
            sql = loader.get();
        }
        return sql;
    }

    public synchronized int checksum() {
        if (checksum == null) {
            checksum = Checksum.of(sql());
        }
        return checksum;
    }

    public synchronized ScriptDirectives directives() {
        if (directives == null) {
            directives = ScriptDirectives.parse(sql());
        }
        return directives;
    }
}
