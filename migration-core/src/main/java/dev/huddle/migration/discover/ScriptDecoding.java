package dev.huddle.migration.discover;

import dev.huddle.migration.failure.MalformedScriptException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a script file's bytes into its text, the same way for every location. A script is UTF-8: bytes that are not
 * are refused, naming the line, rather than replaced, which would run and record a script nobody wrote.
 */
final class ScriptDecoding {
    private ScriptDecoding() {
    }

    /**
     * A script's bytes, whose text is decoded when first asked for, in one pass that also notes the first NUL and
     * U+FEFF ({@link StrictUtf8}). Bytes it refuses are refused by the JDK's own strict decoder, which says where.
     */
    static DecodedScript decode(byte[] bytes, String origin) {
        return DecodedScript.decodedWhenRead(bytes, utf8 -> text(utf8, origin));
    }

    /**
     * @throws MalformedScriptException when the bytes are not UTF-8
     */
    private static DecodedText text(byte[] bytes, String origin) {
        DecodedText decoded = StrictUtf8.decode(bytes);
        if (decoded != null) {
            return decoded;
        }
        refuseMalformed(bytes, origin);
        // The JDK's decoder took what the one-pass decode refused: trust the JDK, and search the text where needed.
        return DecodedText.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static void refuseMalformed(byte[] bytes, String origin) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (!result.isError()) {
            return;
        }
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        throw new MalformedScriptException(origin + " line " + line + " is not UTF-8 (byte 0x"
                + String.format("%02X", bytes[offset] & 0xff) + "; an editor saving in Latin-1 or Windows-1252 writes such bytes). "
                + "Save the file as UTF-8.");
    }
}
