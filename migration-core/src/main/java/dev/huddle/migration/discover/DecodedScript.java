package dev.huddle.migration.discover;

/**
 * A script file as read: its text, and the UTF-8 bytes it was decoded from, so that the checksum is computed from the
 * bytes already in hand instead of encoding the text again.
 *
 * @param text the file's text, exactly as written
 * @param utf8 the file's bytes, the UTF-8 encoding of {@code text}
 */
public record DecodedScript(String text, byte[] utf8) {
}
