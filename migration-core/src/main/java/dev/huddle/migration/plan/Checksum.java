package dev.huddle.migration.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a versioned SQL script: CRC-32 over the UTF-8 bytes of each line without its
 * line ending, a leading byte-order mark dropped. Computing it here lets planning and validation compare
 * scripts with the history without starting Flyway; a test pins it to Flyway's own calculator.
 */
public final class Checksum {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Checksum() {
    }

    public static int of(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(script))) {
            String line = reader.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
