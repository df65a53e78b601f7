package dev.huddle.migration.plan;

import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a versioned SQL script: CRC-32 over the UTF-8 bytes of each line without its
 * line ending, a leading byte-order mark dropped. Computing it here lets planning and validation compare
 * scripts with the history without starting Flyway; a test pins it to Flyway's own calculator.
 */
public final class Checksum {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_SIZE = 64 * 1024;

    private Checksum() {
    }

    /**
     * Flyway feeds the CRC line by line, and a CRC over consecutive pieces equals the CRC over their concatenation, so
     * this is the CRC of the script's UTF-8 bytes with every line ending left out. The bytes are encoded here, a buffer
     * at a time, rather than by {@code getBytes}: a data script of many megabytes then needs no copy of itself.
     */
    public static int of(String script) {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[BUFFER_SIZE + 4];
        int used = 0;
        int length = script.length();
        for (int i = !script.isEmpty() && script.charAt(0) == BYTE_ORDER_MARK ? 1 : 0; i < length; i++) {
            char c = script.charAt(i);
            if (c < 0x80) {
                if (c != '\n' && c != '\r') {
                    buffer[used++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[used++] = (byte) (0xC0 | (c >> 6));
                buffer[used++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(script.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, script.charAt(++i));
                    buffer[used++] = (byte) (0xF0 | (codePoint >> 18));
                    buffer[used++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    buffer[used++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    buffer[used++] = (byte) (0x80 | (codePoint & 0x3F));
                } else {
                    // As String.getBytes does with a surrogate that has no partner.
                    buffer[used++] = '?';
                }
            } else {
                buffer[used++] = (byte) (0xE0 | (c >> 12));
                buffer[used++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[used++] = (byte) (0x80 | (c & 0x3F));
            }
            if (used >= BUFFER_SIZE) {
                crc.update(buffer, 0, used);
                used = 0;
            }
        }
        crc.update(buffer, 0, used);
        return (int) crc.getValue();
    }
}
