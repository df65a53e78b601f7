package dev.huddle.migration.discover;

import java.util.function.Supplier;

/**
 * One file found in a module's script folder, not yet parsed or checked.
 *
 * @param fileName the bare file name, e.g. {@code V20250615051828__initial_meeting_schema.sql}
 * @param origin   where it was found, for error messages (a classpath path or a file path)
 * @param read     reads and decodes the file on demand
 */
public record ScriptFile(String fileName, String origin, Supplier<DecodedScript> read) {

    /** Reads the file's text on demand. */
    public Supplier<String> content() {
        return () -> read.get().text();
    }
}
