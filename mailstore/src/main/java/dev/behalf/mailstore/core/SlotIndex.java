package dev.behalf.mailstore.core;

/**
 * Every live slot by its id: open addressing with linear probing over the id's random half, so an
 * entry costs a reference (plus the table's slack) instead of a hash-map node and a boxed key.
 * Not thread-safe: used under the store's lock.
 */
final class SlotIndex {
    private Slot[] table = new Slot[64];
    private int size;

    int size() {
        return size;
    }

    Slot get(long high, long low) {
        int mask = table.length - 1;
        for (int i = hash(low) & mask; table[i] != null; i = (i + 1) & mask) {
            Slot s = table[i];
            if (s.idLow == low && s.idHigh == high) {
                return s;
            }
        }
        return null;
    }

    /** Adds a slot; false (and nothing added) when one with the same id is already there. */
    boolean add(Slot slot) {
        if ((size + 1) * 3 > table.length * 2) {
            grow();
        }
        int mask = table.length - 1;
        int i = hash(slot.idLow) & mask;
        for (; table[i] != null; i = (i + 1) & mask) {
            if (table[i].idLow == slot.idLow && table[i].idHigh == slot.idHigh) {
                return false;
            }
        }
        table[i] = slot;
        size++;
        return true;
    }

    /** Removes a slot; deletion shifts later entries of the probe run back (no tombstones). */
    void remove(Slot slot) {
        int mask = table.length - 1;
        int i = hash(slot.idLow) & mask;
        while (table[i] != null && table[i] != slot) {
            i = (i + 1) & mask;
        }
        if (table[i] == null) {
            return;
        }
        table[i] = null;
        size--;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = hash(table[j].idLow) & mask;
            // Move table[j] into the hole at i unless its home lies cyclically in (i, j].
            boolean stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!stays) {
                table[i] = table[j];
                table[j] = null;
                i = j;
            }
        }
    }

    private void grow() {
        Slot[] old = table;
        table = new Slot[old.length * 2];
        int mask = table.length - 1;
        for (Slot s : old) {
            if (s != null) {
                int i = hash(s.idLow) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
    }

    private static int hash(long low) {
        long h = low * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
