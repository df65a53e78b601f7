package dev.huddle.migration.discover;

/**
 * Decodes UTF-8 into characters in one pass over the bytes, refusing anything that is not well-formed UTF-8 (overlong
 * forms, encoded surrogates, code points past U+10FFFF, cut sequences), and noting on the way the first NUL and the
 * first U+FEFF, which the content rules refuse. A data script is tens of megabytes: the JDK's decode, a search for
 * the replacement character, two searches for NUL and U+FEFF and the scanner's own copy of the text were five passes
 * over it, and this is one.
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** The decoded text, or null when the bytes are not well-formed UTF-8. */
    static DecodedText decode(byte[] bytes) {
        // No UTF-8 sequence decodes to more characters than it has bytes: a 4-byte one is 2 UTF-16 characters.
        char[] chars = new char[bytes.length];
        int length = bytes.length;
        int n = 0;
        int nul = -1;
        int mark = -1;
        int i = 0;
        while (i < length) {
            byte b = bytes[i];
            if (b > 0) {
                chars[n++] = (char) b;
                i++;
                continue;
            }
            if (b == 0) {
                if (nul < 0) {
                    nul = n;
                }
                chars[n++] = 0;
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int size;
            int codePoint;
            if (lead >= 0xC2 && lead <= 0xDF) {
                size = 2;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                size = 3;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                size = 4;
                codePoint = lead & 0x07;
            } else {
                return null;
            }
            if (i + size > length) {
                return null;
            }
            for (int k = 1; k < size; k++) {
                int next = bytes[i + k];
                if ((next & 0xC0) != 0x80) {
                    return null;
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (size == 3 && (codePoint < 0x800 || Character.isSurrogate((char) codePoint))
                    || size == 4 && (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT || codePoint > Character.MAX_CODE_POINT)) {
                return null;
            }
            if (size == 4) {
                chars[n++] = Character.highSurrogate(codePoint);
                chars[n++] = Character.lowSurrogate(codePoint);
            } else {
                if (codePoint == '\uFEFF' && mark < 0) {
                    mark = n;
                }
                chars[n++] = (char) codePoint;
            }
            i += size;
        }
        return DecodedText.ofChars(chars, n, nul, mark);
    }
}
