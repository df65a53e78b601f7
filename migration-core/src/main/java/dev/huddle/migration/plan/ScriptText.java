package dev.huddle.migration.plan;

import dev.huddle.migration.discover.DecodedScript;
import dev.huddle.migration.discover.DecodedText;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.SqlScanner;

import java.util.Optional;
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
    /** The length of U+FEFF in UTF-8. */
    private static final int BYTE_ORDER_MARK_BYTES = 3;
    private static final String MARK = String.valueOf(SqlScanner.BYTE_ORDER_MARK);

    private final Supplier<DecodedScript> loader;
    /** The file as read, kept between a checksum (bytes only) and a later need of its text; dropped once decoded. */
    private DecodedScript read;
    /**
     * The bytes {@link #source} was decoded from, kept until the text is scanned: SQLite runs statements cut from them
     * ({@link ScannedScript#utf8Slicer}) rather than encoded again. Null for text given as text, and once scanned.
     */
    private byte[] sourceUtf8;
    /**
     * {@link #source} as its decode left it (the characters, where they hold a NUL or U+FEFF), which the scan reads in
     * place and {@link #source} is built from only when asked for. Null for text given as text.
     */
    private DecodedText sourceDecoded;
    private String source;
    private Integer checksum;
    private ScriptDirectives directives;
    private ScannedScript scanned;
    private SquashedStandIn standIn;

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
    public static ScriptText standingIn(String sql, int checksum, SquashedStandIn standIn) {
        ScriptText text = of(sql);
        text.checksum = checksum;
        text.standIn = standIn;
        return text;
    }

    /** The squashed baseline this text stands in for, or empty for a script's own text. */
    public Optional<SquashedStandIn> standIn() {
        return Optional.ofNullable(standIn);
    }

    /** A file's text, read when first needed; its checksum is taken from the bytes, which are not kept once decoded. */
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
            source = decoded().text();
        }
        return source;
    }

    /**
     * The file decoded, its text left as characters until something asks for it as a string: scanning reads the
     * characters, and a SQLite data script then never needs the whole text as one.
     */
    private DecodedText decoded() {
        if (sourceDecoded == null) {
            sourceDecoded = file().decoded();
            if (checksum == null) {
                // The bytes are at hand now, and are dropped next: encoding the text again would cost a second copy.
                checksum = Checksum.ofUtf8(read.utf8());
            }
            if (directives == null) {
                directives = ScriptDirectives.parseIfMarked(read.utf8(), this::sql);
            }
            sourceUtf8 = read.utf8();
            read = null;
        }
        return sourceDecoded;
    }

    /** The text to run: the source without a leading byte-order mark. */
    public String sql() {
        String text = source();
        return !text.isEmpty() && text.charAt(0) == SqlScanner.BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /**
     * Flyway's checksum, from the file's bytes: verifying an applied script (status, a no-op up) reads it but never
     * decodes it. Bytes that are not UTF-8 get a checksum too; they are refused where the text is needed.
     */
    public synchronized int checksum() {
        if (checksum == null) {
            checksum = source != null && loader == null ? Checksum.of(source) : Checksum.ofUtf8(file().utf8());
        }
        return checksum;
    }

    private DecodedScript file() {
        if (read == null) {
            read = loader.get();
        }
        return read;
    }

    public synchronized ScriptDirectives directives() {
        if (directives == null) {
            directives = loader == null ? ScriptDirectives.parse(sql()) : ScriptDirectives.parseIfMarked(file().utf8(), this::sql);
        }
        return directives;
    }

    /** The text to run split into statements, scanned once for every check that reads it. */
    public synchronized ScannedScript scanned(Dialect dialect) {
        if (scanned == null || scanned.dialect() != dialect) {
            // A file's decoded characters are scanned in place, unless a leading mark makes the text start one in.
            DecodedText text = loader == null ? null : decoded();
            boolean leadingMark = text == null ? source.startsWith(MARK) : text.length() > 0 && text.substring(0, 1).equals(MARK);
            if (text == null || leadingMark || !text.hasChars()) {
                text = DecodedText.of(sql());
            }
            // Only SQLite takes the bytes; PostgreSQL's driver sends the text it is given.
            byte[] utf8 = dialect == Dialect.SQLITE ? sourceUtf8 : null;
            scanned = SqlScanner.scan(dialect, text, utf8, leadingMark ? BYTE_ORDER_MARK_BYTES : 0);
            sourceUtf8 = null;
        }
        return scanned;
    }
}
