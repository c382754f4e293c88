package dev.behalf.shell.internal.language;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for mistyped cmdlet and parameter names: the closest candidate within a few edits.
 * PowerShell accepts a parameter's prefix, so a mistyped prefix ({@code -Hiden}) is compared with the
 * candidate's prefix of the same length and still finds {@code -HiddenFromAddressListsEnabled}.
 */
final class Spelling {
    private Spelling() {
    }

    static Optional<String> closest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int limit = Math.max(2, w.length() / 3) + 1;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lower);
            for (int len = w.length() - 1; len <= w.length() + 1; len++) {
                if (len >= 3 && len < lower.length()) {
                    d = Math.min(d, distance(w, lower.substring(0, len)));
                }
            }
            // Among equally close candidates, one with the same first letter is the likelier meaning.
            int score = d * 2 + (!w.isEmpty() && !lower.isEmpty() && w.charAt(0) == lower.charAt(0) ? 0 : 1);
            if (d < limit && score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance; inputs here are short names. */
    static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
