package dev.huddle.migration.discover;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-pass decode gives the JDK's text, notes NUL and U+FEFF as character offsets, and refuses what the JDK refuses. */
class StrictUtf8Test {
    @Test
    void decodesEveryLengthOfSequenceAsTheJdkDoes() {
        String text = "insert into t values ('Zoë', 'Ōtsuka', '東京', '🙂', '\uFFFD', '\u07FF\u0800\uFFFF');\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        DecodedText decoded = StrictUtf8.decode(bytes);

        assertThat(decoded.text()).isEqualTo(text);
        assertThat(Arrays.copyOf(decoded.chars(), text.length())).isEqualTo(text.toCharArray());
        assertThat(decoded.hasChars()).isTrue();
    }

    @Test
    void notesTheFirstNulAndByteOrderMarkAsCharacterOffsets() {
        DecodedText decoded = StrictUtf8.decode("a🙂\0b\0\uFEFFc\uFEFF".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.firstNul()).isEqualTo(3);
        assertThat(decoded.firstByteOrderMark()).isEqualTo(6);
    }

    @Test
    void aTextWithoutThemHasNeither() {
        DecodedText decoded = StrictUtf8.decode("select 1;".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.firstNul()).isEqualTo(-1);
        assertThat(decoded.firstByteOrderMark()).isEqualTo(-1);
    }

    @Test
    void refusesWhatIsNotUtf8AsTheJdksStrictDecoderDoes() {
        List<byte[]> malformed = List.of(
                bytes(0xE9),                         // Latin-1 é
                bytes(0x80),                         // a continuation byte alone
                bytes(0xC0, 0x80),                   // an overlong NUL
                bytes(0xC3),                         // cut short at the end
                bytes(0xC3, 0x41),                   // cut short by an ASCII byte
                bytes(0xE0, 0x80, 0x80),             // an overlong 3-byte form
                bytes(0xED, 0xA0, 0x80),             // an encoded surrogate
                bytes(0xF0, 0x80, 0x80, 0x80),       // an overlong 4-byte form
                bytes(0xF4, 0x90, 0x80, 0x80),       // past U+10FFFF
                bytes(0xF5, 0x80, 0x80, 0x80));      // no such lead byte
        for (byte[] bytes : malformed) {
            assertThat(StrictUtf8.decode(bytes)).as(Arrays.toString(bytes)).isNull();
            assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
                    .as(Arrays.toString(bytes)).isInstanceOf(CharacterCodingException.class);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
