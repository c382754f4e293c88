package dev.behalf.gateway.audit;

import java.util.Arrays;

/**
 * The {@link DecisionLog}'s records, oldest first, at most {@code capacity}, and an index by id: a ring
 * of references and an open-addressing table (linear probing over the id's hash, the hashes kept beside it), so a
 * record costs the log about 25 bytes instead of a deque slot, a 32-byte hash-map node and its table share
 * (issue 13, heap per message). Not thread-safe: the log holds its lock.
 */
final class KeptDecisions {
    private final int capacity;
    private KeptDecision[] ring = new KeptDecision[16];
    private int head;
    private int size;
    private KeptDecision[] table = new KeptDecision[32];
    /** Each entry's id hash, so that a probe reads a record only when its hash is the one looked for. */
    private int[] hashes = new int[32];
    private int indexed;

    KeptDecisions(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    /** Adds {@code d} as the newest, dropping the oldest when full; {@link #get} of its id finds {@code d} from now on. */
    void add(KeptDecision d) {
        if (size == capacity) {
            KeptDecision oldest = ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            unindex(oldest);
        }
        if (size == ring.length) {
            KeptDecision[] grown = new KeptDecision[(int) Math.min(capacity, 2L * ring.length)];
            for (int i = 0; i < size; i++) {
                grown[i] = ring[(head + i) % ring.length];
            }
            ring = grown;
            head = 0;
        }
        ring[(head + size) % ring.length] = d;
        size++;
        index(d);
    }

    /** The {@code i}-th newest (0 is the newest). */
    KeptDecision newest(int i) {
        return ring[(head + size - 1 - i) % ring.length];
    }

    KeptDecision get(String id) {
        KeptDecision.Key key = KeptDecision.Key.of(id);
        int hash = key.hash();
        int mask = table.length - 1;
        for (int i = home(hash, mask); table[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && table[i].has(key)) {
                return table[i];
            }
        }
        return null;
    }

    void clear() {
        Arrays.fill(ring, null);
        Arrays.fill(table, null);
        head = 0;
        size = 0;
        indexed = 0;
    }

    /** Indexes {@code d}, in place of an older record with its id (whose own removal then leaves {@code d}). */
    private void index(KeptDecision d) {
        if ((indexed + 1) * 3 > table.length * 2) {
            KeptDecision[] old = table;
            int[] oldHashes = hashes;
            table = new KeptDecision[old.length * 2];
            hashes = new int[old.length * 2];
            int mask = table.length - 1;
            for (int j = 0; j < old.length; j++) {
                if (old[j] != null) {
                    int i = home(oldHashes[j], mask);
                    while (table[i] != null) {
                        i = (i + 1) & mask;
                    }
                    table[i] = old[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
        int hash = d.idHash();
        int mask = table.length - 1;
        int i = home(hash, mask);
        for (; table[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && table[i].sameId(d)) {
                table[i] = d;
                return;
            }
        }
        table[i] = d;
        hashes[i] = hash;
        indexed++;
    }

    /** Where a probe run starts: the id's hash with the high bits folded in (a small table uses only the low ones). */
    private static int home(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    /** Removes {@code d} itself (not a newer record of its id); later entries of its probe run shift back, no tombstones. */
    private void unindex(KeptDecision d) {
        int mask = table.length - 1;
        int i = home(d.idHash(), mask);
        while (table[i] != null && table[i] != d) {
            i = (i + 1) & mask;
        }
        if (table[i] == null) {
            return;
        }
        table[i] = null;
        indexed--;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = home(hashes[j], mask);
            // Move table[j] into the hole at i unless its home lies cyclically in (i, j].
            boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!stays) {
                table[i] = table[j];
                hashes[i] = hashes[j];
                table[j] = null;
                i = j;
            }
        }
    }
}
