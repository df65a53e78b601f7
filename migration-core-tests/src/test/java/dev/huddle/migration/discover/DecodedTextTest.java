package dev.huddle.migration.discover;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A decoded file's text is cut from its characters, and made one string only when asked for, once. */
class DecodedTextTest {
    private static final String SQL = "insert into t values ('Zoë');\ninsert into t values ('東京 🙂');";

    @Test
    void cutsTextFromTheCharactersTheDecodeLeft() {
        DecodedText decoded = StrictUtf8.decode(SQL.getBytes(StandardCharsets.UTF_8));
        int second = SQL.indexOf('\n') + 1;

        assertThat(decoded.length()).isEqualTo(SQL.length());
        assertThat(decoded.substring(second, SQL.length())).isEqualTo("insert into t values ('東京 🙂');");
        assertThat(decoded.substring(0, 0)).isEmpty();
    }

    @Test
    void buildsTheWholeTextOnceAndCutsFromItAfterwards() {
        DecodedText decoded = StrictUtf8.decode(SQL.getBytes(StandardCharsets.UTF_8));

        String text = decoded.text();

        assertThat(text).isEqualTo(SQL);
        assertThat(decoded.text()).isSameAs(text);
        assertThat(decoded.substring(22, 26)).isEqualTo("'Zoë");
    }

    @Test
    void aTextGivenAsTextIsKeptAsGiven() {
        DecodedText given = DecodedText.of(SQL);

        assertThat(given.text()).isSameAs(SQL);
        assertThat(given.hasChars()).isFalse();
        assertThat(given.length()).isEqualTo(SQL.length());
    }
}
