package dev.huddle.migration.plan;

import dev.huddle.migration.sql.SqlScanner;

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

    /**
     * Flyway feeds the CRC line by line, and a CRC over consecutive pieces equals the CRC over their concatenation, so
     * this is the CRC of the script's bytes with every line ending left out: one pass, no line strings. {@code getBytes}
     * is an intrinsic, far faster at a cold start than encoding by hand (measured: a hand-written encoder made a no-op
     * start 0.2 s slower with 1,000 scripts).
     */
    public static int of(String script) {
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        int from = !script.isEmpty() && script.charAt(0) == SqlScanner.BYTE_ORDER_MARK ? UTF8_BYTE_ORDER_MARK_LENGTH : 0;
        int kept = from;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != '\r') {
                bytes[kept++] = b;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, from, kept - from);
        return (int) crc.getValue();
    }
}
