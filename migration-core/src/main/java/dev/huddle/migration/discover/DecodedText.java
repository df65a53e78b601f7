package dev.huddle.migration.discover;

/**
 * A script's text and, when it was decoded from a file in one pass, the character array it was built from and where
 * that pass saw the first NUL and the first U+FEFF. The scanner reads the array in place instead of copying the text
 * again, and the content rules take the two positions instead of searching the whole text twice more.
 *
 * <p>A decoded file's text is made a {@code String} only when something asks for all of it: a SQLite data script is
 * scanned from the array and runs as its file's bytes, so a 20 MB script spares the 60 MB the JDK's string
 * construction takes (a failed Latin-1 attempt, then the UTF-16 copy) and the zeroing and page faults behind them.
 * What asks for a statement's text gets that statement's ({@link #substring}).
 */
public final class DecodedText {
    private final char[] chars;
    private final int length;
    private final int firstNul;
    private final int firstByteOrderMark;
    private String text;

    /**
     * @param text               the text
     * @param chars              the text's characters from index 0 to {@code text.length()}, possibly in a longer array;
     *                           null when the text did not come from this one-pass decode
     * @param firstNul           the index of the first U+0000 in the text, or -1; meaningless when {@code chars} is null
     * @param firstByteOrderMark the index of the first U+FEFF in the text (a leading one included), or -1; meaningless
     *                           when {@code chars} is null
     */
    public DecodedText(String text, char[] chars, int firstNul, int firstByteOrderMark) {
        this(chars, text.length(), firstNul, firstByteOrderMark);
        this.text = text;
    }

    private DecodedText(char[] chars, int length, int firstNul, int firstByteOrderMark) {
        this.chars = chars;
        this.length = length;
        this.firstNul = firstNul;
        this.firstByteOrderMark = firstByteOrderMark;
    }

    /** A text that came as text: nothing is known about it beyond its characters. */
    public static DecodedText of(String text) {
        return new DecodedText(text, null, -1, -1);
    }

    /** The first {@code length} characters of {@code chars}, made a string only when {@link #text} is asked for. */
    public static DecodedText ofChars(char[] chars, int length, int firstNul, int firstByteOrderMark) {
        return new DecodedText(chars, length, firstNul, firstByteOrderMark);
    }

    /** The whole text; built from the array at the first call when the decode left it as characters. */
    public synchronized String text() {
        if (text == null) {
            text = new String(chars, 0, length);
        }
        return text;
    }

    /** {@code text().substring(from, to)}, without building the whole text when it is not built yet. */
    public String substring(int from, int to) {
        String built;
        synchronized (this) {
            built = text;
        }
        return built != null ? built.substring(from, to) : new String(chars, from, to - from);
    }

    /** The text's length in characters. */
    public int length() {
        return length;
    }

    /** The characters, from index 0 to {@link #length}, possibly in a longer array; null when {@link #hasChars} is false. */
    public char[] chars() {
        return chars;
    }

    /** The index of the first U+0000, or -1; meaningless when {@link #hasChars} is false. */
    public int firstNul() {
        return firstNul;
    }

    /** The index of the first U+FEFF (a leading one included), or -1; meaningless when {@link #hasChars} is false. */
    public int firstByteOrderMark() {
        return firstByteOrderMark;
    }

    /** Whether the array and the two positions are known; otherwise only {@link #text} is. */
    public boolean hasChars() {
        return chars != null;
    }
}
