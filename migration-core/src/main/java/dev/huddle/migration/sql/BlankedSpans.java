package dev.huddle.migration.sql;

import java.util.Arrays;

/**
 * The spans of a script that its code-only view shows as spaces (comments, string literals, COPY data), kept as offsets
 * rather than as a second copy of the script: a 20 MB data script would otherwise be held three times over (its text,
 * a char array and the view), and a script's checks read the view of a few statements only. Line endings inside a span
 * stay, so offsets and lines of the view match the script's.
 */
final class BlankedSpans {
    /** Start and end offset of each span, in pairs, ascending and not overlapping once {@link #sorted} ran. */
    private int[] bounds = new int[64];
    private int size;

    void add(int from, int to) {
        if (from >= to) {
            return;
        }
        if (size > 0 && from <= bounds[size - 1] && from >= bounds[size - 2]) {
            bounds[size - 1] = Math.max(bounds[size - 1], to);
            return;
        }
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, size * 2);
        }
        bounds[size++] = from;
        bounds[size++] = to;
    }

    /**
     * The spans in ascending order, overlaps merged. The scanner blanks front to back, so this sorts only if a future
     * change of it blanks out of order: the binary search in {@link #view} needs the order either way.
     */
    BlankedSpans sorted() {
        boolean ascending = true;
        for (int k = 2; k < size && ascending; k += 2) {
            ascending = bounds[k] >= bounds[k - 1];
        }
        if (ascending) {
            return this;
        }
        long[] spans = new long[size / 2];
        for (int k = 0; k < size; k += 2) {
            spans[k / 2] = (long) bounds[k] << 32 | bounds[k + 1];
        }
        Arrays.sort(spans);
        BlankedSpans merged = new BlankedSpans();
        for (long span : spans) {
            merged.add((int) (span >>> 32), (int) span);
        }
        return merged;
    }

    /** {@code text} from {@code from} to {@code to} with every span inside blanked, line endings kept. */
    String view(String text, int from, int to) {
        char[] view = new char[to - from];
        text.getChars(from, to, view, 0);
        return blank(view, from, to);
    }

    /** As {@link #view(String, int, int)}, for a text held as characters. */
    String view(char[] text, int from, int to) {
        return blank(Arrays.copyOfRange(text, from, to), from, to);
    }

    /** Blanks the spans inside {@code view}, which holds the text from {@code from} to {@code to}. */
    private String blank(char[] view, int from, int to) {
        for (int k = firstEndingAfter(from); k < size && bounds[k] < to; k += 2) {
            int spanEnd = Math.min(bounds[k + 1], to);
            for (int i = Math.max(bounds[k], from); i < spanEnd; i++) {
                if (view[i - from] != '\n') {
                    view[i - from] = ' ';
                }
            }
        }
        return new String(view);
    }

    /** The index of the first span that ends after {@code offset}; ends ascend as starts do. */
    private int firstEndingAfter(int offset) {
        int low = 0;
        int high = size / 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (bounds[2 * middle + 1] <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return 2 * low;
    }
}
