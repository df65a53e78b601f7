package dev.huddle.migration.cli;

import java.util.List;

/**
 * The known name a mistyped one was most likely meant to be, for "did you mean ...": the closest by edit distance
 * (a typo, a swapped pair of letters, a missing letter), and only when it is close enough to be a guess worth showing.
 */
final class NearestName {
    /** A guess further than this many edits away, or than a third of the word, is noise rather than help. */
    private static final int MOST_EDITS = 2;

    private NearestName() {
    }

    /** The candidate nearest to {@code typed}, or null when none is near. */
    static String of(String typed, List<String> candidates) {
        String nearest = null;
        int nearestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate);
            if (distance < nearestDistance) {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        boolean near = nearestDistance <= Math.min(MOST_EDITS, Math.max(1, typed.length() / 3))
                || (nearest != null && typed.length() >= 2 && nearest.startsWith(typed));
        return near ? nearest : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
