package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DecodedScript;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.SqlScanner;

import java.util.function.Supplier;

/**
 * A script's text, read when first needed and then kept, with its checksum, directives and scan. Planning names every
 * script of every dialect but reads only those a command needs: a no-op start must not read thousands of files.
 *
 * <p>{@link #source} is the file as written, which integrity manifests hash; {@link #sql} is what runs, without a
 * leading byte-order mark, which psql skips and a server would reject. The checksum is the same for both: Flyway's
 * drops a leading mark too.
 */
public final class ScriptText {

    private final Supplier<DecodedScript> loader;
    private String source;
    private Integer checksum;
    private ScriptDirectives directives;
    private ScannedScript scanned;

    private ScriptText(Supplier<DecodedScript> loader) {
        this.loader = loader;
    }

    public static ScriptText of(String sql) {
        ScriptText text = new ScriptText(null);
        text.source = sql;
        return text;
    }

    /**
     * Text that runs in place of another script and answers with that script's checksum: a squashed baseline standing in
     * for the migrations it replaces, whose history rows must read exactly as if they had run.
     */
    public static ScriptText standingIn(String sql, int checksum) {
        ScriptText text = of(sql);
        text.checksum = checksum;
        return text;
    }

    /** A file's text, read when first needed; its checksum is taken from the bytes then, which are not kept. */
    public static ScriptText lazy(Supplier<DecodedScript> loader) {
        return new ScriptText(loader);
    }

    /**
     * The file's text exactly as read.
     *
     * @throws dev.huddle.migration.failure.MalformedScriptException when the file is not UTF-8
     */
    public synchronized String source() {
        if (source == null) {
            DecodedScript read = loader.get();
            source = read.text();
            checksum = Checksum.ofUtf8(read.utf8());
        }
        return source;
    }

    /** The text to run: the source without a leading byte-order mark. */
    public String sql() {
        String text = source();
        return !text.isEmpty() && text.charAt(0) == SqlScanner.BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    public synchronized int checksum() {
        String text = source();
        if (checksum == null) {
            checksum = Checksum.of(text);
        }
        return checksum;
    }

    public synchronized ScriptDirectives directives() {
        if (directives == null) {
            directives = ScriptDirectives.parse(sql());
        }
        return directives;
    }

    /** The text to run split into statements, scanned once for every check that reads it. */
    public synchronized ScannedScript scanned(Dialect dialect) {
        if (scanned == null || scanned.dialect() != dialect) {
            scanned = SqlScanner.scan(dialect, sql());
        }
        return scanned;
    }
}
