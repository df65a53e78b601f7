package dev.huddle.migration.discover;

/**
 * A script's text and, when it was decoded from a file in one pass, the character array it was built from and where
 * that pass saw the first NUL and the first U+FEFF. The scanner reads the array in place instead of copying the text
 * again, and the content rules take the two positions instead of searching the whole text twice more.
 *
 * @param chars              the text's characters from index 0 to {@code text.length()}, possibly in a longer array;
 *                           null when the text did not come from this one-pass decode
 * @param firstNul           the index of the first U+0000 in the text, or -1; meaningless when {@code chars} is null
 * @param firstByteOrderMark the index of the first U+FEFF in the text (a leading one included), or -1; meaningless
 *                           when {@code chars} is null
 */
public record DecodedText(String text, char[] chars, int firstNul, int firstByteOrderMark) {
    /** A text that came as text: nothing is known about it beyond its characters. */
    public static DecodedText of(String text) {
        return new DecodedText(text, null, -1, -1);
    }

    /** Whether the array and the two positions are known; otherwise only {@link #text} is. */
    public boolean hasChars() {
        return chars != null;
    }
}
