package dev.huddle.migration.sql;

import java.util.Arrays;

/**
 * Cuts spans of a script's text out of the UTF-8 bytes the text was decoded from, by the text's character offsets,
 * without encoding the text again: what SQLite takes is UTF-8, and the file already is. A data script of a million
 * statements would otherwise be copied out of its text and encoded once more, span by span, only to reach the bytes it
 * was read as.
 *
 * <p>Offsets are mapped by walking the bytes forward from the last span cut (a span before it starts the walk over), so
 * spans cut in script order cost one pass over the bytes in all. Each span's first and last byte are checked against its
 * characters (statement bounds are nearly always ASCII, which must match exactly): bytes that are not the text's encoding
 * give no span ({@code null}) rather than a wrong one.
 */
public final class Utf8Slicer {
    /** The text's characters, from 0 to {@link #length}; read rather than a string's, which the text need not be yet. */
    private final char[] text;
    private final int length;
    private final byte[] utf8;
    private final int textStart;
    /** The walk so far: the byte at {@code bytePosition} begins the character at {@code charPosition}. */
    private int charPosition;
    private int bytePosition;

    /**
     * @param text      the script as scanned
     * @param utf8      the file's bytes; {@code text} is their decoding from {@code textStart} on
     * @param textStart where the text's first character begins in {@code utf8} (past a leading byte-order mark)
     */
    Utf8Slicer(String text, byte[] utf8, int textStart) {
        this(text.toCharArray(), text.length(), utf8, textStart);
    }

    /** As {@link #Utf8Slicer(String, byte[], int)}, for a text held as its first {@code length} characters of {@code text}. */
    Utf8Slicer(char[] text, int length, byte[] utf8, int textStart) {
        this.text = text;
        this.length = length;
        this.utf8 = utf8;
        this.textStart = textStart;
        this.bytePosition = textStart;
    }

    /** The UTF-8 bytes of {@code text[from..to)}, a copy; null when the bytes are not the text's encoding there. */
    public byte[] slice(int from, int to) {
        if (to <= from) {
            return new byte[0];
        }
        long bounds = byteBounds(from, to);
        return bounds < 0 ? null : Arrays.copyOfRange(utf8, (int) (bounds >>> 32), (int) bounds);
    }

    /**
     * The UTF-8 bytes of {@code text[from..to)} followed by a NUL, written from the start of {@code reuse} when it is
     * long enough (what it holds past the NUL is left as it was), else of a new array; the array written, or null when
     * the bytes are not the text's encoding there. For a C caller that reads up to the NUL: a run of a data script is
     * sent through one array again and again instead of a new one each time, whose fresh pages the JVM and the kernel
     * would both zero (at a million statements, 200 MB of them).
     */
    public byte[] sliceTerminated(int from, int to, byte[] reuse) {
        long bounds = to <= from ? 0 : byteBounds(from, to);
        if (bounds < 0) {
            return null;
        }
        int byteFrom = (int) (bounds >>> 32);
        int length = (int) bounds - byteFrom;
        byte[] into = reuse != null && reuse.length > length ? reuse : new byte[length + 1];
        System.arraycopy(utf8, byteFrom, into, 0, length);
        into[length] = 0;
        return into;
    }

    /**
     * Where {@code text[from..to)} begins and ends in the bytes, as {@code begin << 32 | end}, or -1 when the bytes are
     * not the text's encoding there; {@code from < to}.
     */
    private long byteBounds(int from, int to) {
        int byteFrom;
        int byteTo;
        if (utf8.length - textStart == length) {
            // As many bytes as characters: all ASCII, offsets are the same.
            byteFrom = textStart + from;
            byteTo = textStart + to;
        } else {
            if (from < charPosition) {
                charPosition = 0;
                bytePosition = textStart;
            }
            byteFrom = advanceTo(from);
            byteTo = byteFrom < 0 ? -1 : advanceTo(to);
            if (byteTo < 0) {
                return -1;
            }
        }
        if (!(startsCharacter(from, byteFrom) && endsCharacter(to - 1, byteTo - 1))) {
            return -1;
        }
        return (long) byteFrom << 32 | byteTo;
    }

    /** Walks to the character at {@code target}; answers its byte offset, or -1 when the bytes end or split it. */
    private int advanceTo(int target) {
        int chars = charPosition;
        int bytes = bytePosition;
        while (chars < target) {
            // ASCII first, one test per byte: the bulk of SQL, even in a script with text in other scripts.
            int asciiEnd = Math.min(utf8.length, bytes + (target - chars));
            int asciiStart = bytes;
            while (bytes < asciiEnd && utf8[bytes] >= 0) {
                bytes++;
            }
            chars += bytes - asciiStart;
            if (chars == target) {
                break;
            }
            if (bytes >= utf8.length) {
                return -1;
            }
            int lead = utf8[bytes];
            if ((lead & 0xE0) == 0xC0) {
                bytes += 2;
                chars++;
            } else if ((lead & 0xF0) == 0xE0) {
                bytes += 3;
                chars++;
            } else {
                // Four bytes: one code point beyond the 16-bit range, two chars (a surrogate pair) in the text.
                bytes += 4;
                chars += 2;
            }
        }
        if (chars != target || bytes > utf8.length) {
            return -1;
        }
        charPosition = chars;
        bytePosition = bytes;
        return bytes;
    }

    /** Whether the byte at {@code byteOffset} can begin the character at {@code charOffset}: itself if ASCII, a lead byte if not. */
    private boolean startsCharacter(int charOffset, int byteOffset) {
        char c = text[charOffset];
        int b = utf8[byteOffset];
        return c < 0x80 ? b == c : b < 0 && (b & 0xC0) != 0x80;
    }

    /** Whether the byte at {@code byteOffset} can end the character at {@code charOffset}: itself if ASCII, a continuation byte if not. */
    private boolean endsCharacter(int charOffset, int byteOffset) {
        char c = text[charOffset];
        int b = utf8[byteOffset];
        return c < 0x80 ? b == c : (b & 0xC0) == 0x80;
    }
}
