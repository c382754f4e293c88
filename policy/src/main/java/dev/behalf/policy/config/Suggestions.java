package dev.behalf.policy.config;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;

import java.util.Locale;

/** "did you mean 'raymonds'?" for identities that match nothing: the closest Name or Alias. */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code "; did you mean 'x'?"} when a Name or Alias is within a few edits, else empty. */
    public static String didYouMean(Directory directory, String identity) {
        String wanted = identity.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Math.max(2, wanted.length() / 3) + 1;
        for (Recipient r : directory.recipients()) {
            for (String candidate : new String[] {r.alias(), r.name()}) {
                int d = distance(wanted, candidate.toLowerCase(Locale.ROOT), bestDistance);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it can't be under the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
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
        return prev[b.length()];
    }
}
