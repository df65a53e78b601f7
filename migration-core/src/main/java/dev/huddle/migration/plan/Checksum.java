package dev.huddle.migration.plan;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a versioned SQL script: CRC-32 over the UTF-8 bytes of each line without its
 * line ending, a leading byte-order mark dropped. Computing it here lets planning and validation compare
 * scripts with the history without starting Flyway; a test pins it to Flyway's own calculator.
 */
public final class Checksum {
    private static final int UTF8_BYTE_ORDER_MARK_LENGTH = 3;

    private Checksum() {
    }

    /** The checksum of a text held in memory only; a file's is computed from the bytes it was read as ({@link #ofUtf8}). */
    public static int of(String script) {
        return ofUtf8(script.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Flyway feeds the CRC line by line, and a CRC over consecutive pieces equals the CRC over their concatenation, so
     * this is the CRC of the bytes between line endings, fed straight from the array: no line strings and no second
     * copy of the script, which for a 20 MB data script used to cost more than scanning it.
     */
    public static int ofUtf8(byte[] utf8) {
        int from = startsWithByteOrderMark(utf8) ? UTF8_BYTE_ORDER_MARK_LENGTH : 0;
        CRC32 crc = new CRC32();
        int lineStart = from;
        for (int i = from; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\n' || b == '\r') {
                crc.update(utf8, lineStart, i - lineStart);
                lineStart = i + 1;
            }
        }
        crc.update(utf8, lineStart, utf8.length - lineStart);
        return (int) crc.getValue();
    }

    private static boolean startsWithByteOrderMark(byte[] utf8) {
        return utf8.length >= UTF8_BYTE_ORDER_MARK_LENGTH && utf8[0] == (byte) 0xEF && utf8[1] == (byte) 0xBB && utf8[2] == (byte) 0xBF;
    }
}
