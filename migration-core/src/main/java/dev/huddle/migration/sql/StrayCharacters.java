package dev.huddle.migration.sql;

import dev.huddle.migration.discover.DecodedText;

/**
 * Where a script's text first holds a NUL and a U+FEFF, characters no database takes in SQL text. A file's decode
 * notes them as it goes ({@link DecodedText}); a text that came as text is searched for them.
 *
 * @param firstNul           the offset of the first U+0000, or -1
 * @param firstByteOrderMark the offset of the first U+FEFF, or -1
 */
public record StrayCharacters(int firstNul, int firstByteOrderMark) {
    static StrayCharacters in(DecodedText text) {
        return text.hasChars()
                ? new StrayCharacters(text.firstNul(), text.firstByteOrderMark())
                : new StrayCharacters(text.text().indexOf('\0'), text.text().indexOf(SqlScanner.BYTE_ORDER_MARK));
    }
}
