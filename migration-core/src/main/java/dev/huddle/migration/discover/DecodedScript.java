package dev.huddle.migration.discover;

import java.util.function.Function;

/**
 * A script file as read: its UTF-8 bytes, and its text, decoded from them only when first asked for. A checksum is
 * computed from the bytes alone, so {@code status} and a no-op {@code up}, which verify the checksum of every applied
 * script and read the text of none, never decode a file.
 */
public final class DecodedScript {
    private final byte[] utf8;
    private final Function<byte[], DecodedText> decoder;
    private DecodedText decoded;

    /** A text held in memory, with its UTF-8 bytes. */
    public DecodedScript(String text, byte[] utf8) {
        this.utf8 = utf8;
        this.decoder = null;
        this.decoded = DecodedText.of(text);
    }

    private DecodedScript(byte[] utf8, Function<byte[], DecodedText> decoder) {
        this.utf8 = utf8;
        this.decoder = decoder;
    }

    /**
     * A file's bytes, decoded when the text is first asked for.
     *
     * @param decoder turns the bytes into text, refusing bytes that are not UTF-8
     */
    static DecodedScript decodedWhenRead(byte[] utf8, Function<byte[], DecodedText> decoder) {
        return new DecodedScript(utf8, decoder);
    }

    /**
     * The file's text, exactly as written.
     *
     * @throws dev.huddle.migration.failure.MalformedScriptException when the bytes are not UTF-8
     */
    public String text() {
        return decoded().text();
    }

    /**
     * The file's text with what its decode saw on the way, for the scanner and the content rules.
     *
     * @throws dev.huddle.migration.failure.MalformedScriptException when the bytes are not UTF-8
     */
    public synchronized DecodedText decoded() {
        if (decoded == null) {
            decoded = decoder.apply(utf8);
        }
        return decoded;
    }

    /** The file's bytes, the UTF-8 encoding of {@link #text}. */
    public byte[] utf8() {
        return utf8;
    }
}
