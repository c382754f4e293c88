package dev.behalf.policy.text;

import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the candidate closest to a mistyped name, within a few edits (Levenshtein distance
 * under {@code max(2, length / 3) + 1}), ignoring case. Among equally close candidates, one with the
 * same first letter is the likelier meaning, then the first given. One rule for every surface: the
 * config loader's unknown identities and the shell's unknown cmdlets and parameters.
 */
public final class Spelling {
    private static final int MAX_LENGTH = 256;

    private Spelling() {
    }

    /** The closest candidate, compared whole. */
    public static Optional<String> closest(String wanted, Iterable<String> candidates) {
        return closest(wanted, candidates, false);
    }

    /**
     * The closest candidate, compared whole or by its prefix of about the wanted length: PowerShell
     * accepts a parameter's prefix, so a mistyped prefix ({@code -Hiden}) still finds
     * {@code -HiddenFromAddressListsEnabled}.
     */
    public static Optional<String> closestOrPrefix(String wanted, Iterable<String> candidates) {
        return closest(wanted, candidates, true);
    }

    private static Optional<String> closest(String wanted, Iterable<String> candidates, boolean prefixes) {
        String w = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3) + 1;
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lower = c.toLowerCase(Locale.ROOT);
            int d = distance(w, lower, limit);
            if (prefixes) {
                for (int len = w.length() - 1; len <= w.length() + 1; len++) {
                    if (len >= 3 && len < lower.length()) {
                        d = Math.min(d, distance(w, lower.substring(0, len), limit));
                    }
                }
            }
            int score = d * 2 + (!w.isEmpty() && !lower.isEmpty() && w.charAt(0) == lower.charAt(0) ? 0 : 1);
            if (d < limit && score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Levenshtein distance of {@code a} and {@code b}, or {@code limit} as soon as it can't be under it
     * (so comparing a name with 100,000 candidates stays cheap).
     */
    static int distance(String a, String b, int limit) {
        // Names are short: a text this long is no typo of one, and must not cost a quadratic table.
        if (Math.abs(a.length() - b.length()) >= limit || a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
