package dev.huddle.migration.sql;

/**
 * Keyword comparison as SQLite and PostgreSQL make it: ASCII letters match either case, every other character only
 * itself. Cheaper than {@code String.regionMatches(true, ...)}, which folds case through the Unicode tables, under the
 * client compiler the runner starts with, and it is what the databases do: neither reads {@code ınsert} as INSERT.
 */
final class AsciiKeywords {
    private AsciiKeywords() {
    }

    /** Whether {@code text[from..from + upperCase.length())} is {@code upperCase} in any ASCII case; the caller checks the bounds. */
    static boolean matches(char[] text, int from, String upperCase) {
        for (int k = 0; k < upperCase.length(); k++) {
            char c = text[from + k];
            char expected = upperCase.charAt(k);
            if (c != expected && (c < 'a' || c > 'z' || c - ('a' - 'A') != expected)) {
                return false;
            }
        }
        return true;
    }
}
