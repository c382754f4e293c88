package dev.behalf.mailstore.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder of a {@link Box}: a node of the box's tree and, when selectable, its placements in
 * ascending UID order. UID to sequence number is a binary search; the unseen and recent counts are
 * kept as flags change; the first unseen message is found from a hint that only moves forward over
 * seen messages. Everything here is read and changed under the store's lock ({@link MessageStore}).
 */
public final class Folder {
    private static final Slot[] NO_SLOTS = new Slot[0];

    final Box box;
    final long uidValidity;
    String name;
    Folder parent;
    boolean selectable;
    long nextUid = 1;
    private List<Folder> children = List.of();
    private Slot[] slots = NO_SLOTS;
    private int size;
    /**
     * How many times a slot has left this folder, raised before the slots move: a sequence number read from a
     * copy of the UIDs stays right while this stays the same, since new slots only ever come last.
     */
    private volatile int removals;
    private int unseen;
    private int recent;
    /** Every slot below this index is seen. */
    private int firstUnseenHint;
    private List<Watcher> watchers = List.of();
    /** IMAP keywords, for the few placements that have any; kept in memory only. */
    private Map<Slot, Set<String>> keywords;
    private String pathName;

    Folder(Box box, Folder parent, String name, boolean selectable, long uidValidity) {
        this.box = box;
        this.parent = parent;
        this.name = name;
        this.selectable = selectable;
        this.uidValidity = uidValidity;
    }

    public Box box() {
        return box;
    }

    public String name() {
        return name;
    }

    /** Null for a box's root. */
    public Folder parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public boolean selectable() {
        return selectable;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long uidNext() {
        return nextUid;
    }

    public List<Folder> children() {
        return Collections.unmodifiableList(children);
    }

    /** The child of that name; folder names compare case-insensitively, as GreenMail's do. */
    public Folder child(String childName) {
        for (Folder c : children) {
            if (c.name.equalsIgnoreCase(childName)) {
                return c;
            }
        }
        return null;
    }

    void addChild(Folder child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(2);
        }
        children.add(child);
    }

    void removeChild(Folder child) {
        children.remove(child);
    }

    /** The path from the box's root, e.g. {@code [Sent Items, 2024]}; empty for the root. */
    public List<String> path() {
        List<String> p = new ArrayList<>();
        for (Folder f = this; f.parent != null; f = f.parent) {
            p.add(f.name);
        }
        Collections.reverse(p);
        return p;
    }

    /** The folder's IMAP name in its box: {@code INBOX}, {@code Sent Items}, {@code INBOX.Receipts}. */
    public String pathName() {
        String cached = pathName;
        if (cached == null) {
            cached = String.join(".", path());
            pathName = cached;
        }
        return cached;
    }

    /** After a rename: this folder's and every descendant's name is computed again. */
    void forgetNames() {
        pathName = null;
        for (Folder c : children) {
            c.forgetNames();
        }
    }

    /** Whether {@code other} is this folder or below it. */
    boolean contains(Folder other) {
        for (Folder f = other; f != null; f = f.parent) {
            if (f == this) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** The slot at a 0-based index (sequence number minus one). */
    public Slot get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " messages");
        }
        return slots[index];
    }

    /**
     * As {@link #indexOf(long)}, trying {@code hint} first: a command that walks the folder in UID order
     * (FETCH and STORE ask for every message's sequence number in turn) finds each one at once.
     */
    public int indexOf(long uid, int hint) {
        if (hint >= 0 && hint < size && slots[hint].uid == uid) {
            return hint;
        }
        return indexOf(uid);
    }

    /** The 0-based index of the slot with this UID, or a negative number when there is none. */
    public int indexOf(long uid) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = slots[mid].uid;
            if (at < uid) {
                lo = mid + 1;
            } else if (at > uid) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The index of a slot known to be here. */
    int indexOf(Slot slot) {
        int i = indexOf(slot.uid);
        if (i < 0 || slots[i] != slot) {
            throw new IllegalStateException("slot uid " + slot.uid + " is not in folder " + name);
        }
        return i;
    }

    /** See {@link #removals}: read without the lock, it tells whether an earlier copy of {@link #uids()} still holds. */
    public int removals() {
        return removals;
    }

    public long[] uids() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = slots[i].uid;
        }
        return out;
    }

    /** The slots as they are now; later changes don't show in the copy. */
    public Slot[] snapshot() {
        return Arrays.copyOf(slots, size);
    }

    public int unseen() {
        return unseen;
    }

    public int recent() {
        return recent;
    }

    /** The 1-based sequence number of the first unseen message, or -1 when every one is seen. */
    public int firstUnseen() {
        while (firstUnseenHint < size && FlagSet.has(slots[firstUnseenHint].flags, FlagSet.SEEN)) {
            firstUnseenHint++;
        }
        return firstUnseenHint < size ? firstUnseenHint + 1 : -1;
    }

    public Set<String> keywords(Slot slot) {
        Set<String> k = keywords == null ? null : keywords.get(slot);
        return k == null ? Set.of() : k;
    }

    void keywords(Slot slot, Set<String> values) {
        if (values.isEmpty()) {
            if (keywords != null) {
                keywords.remove(slot);
            }
            return;
        }
        if (keywords == null) {
            keywords = new IdentityHashMap<>();
        }
        keywords.put(slot, Set.copyOf(values));
    }

    /** Adds at the end with the next UID; returns its sequence number. */
    int append(Slot slot) {
        slot.folder = this;
        slot.uid = nextUid++;
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, Math.max(4, size + (size >> 1)));
        }
        slots[size++] = slot;
        count(slot.flags, 1);
        return size;
    }

    /** Changes a slot's flags, keeping the counts; returns its sequence number. {@code hint}: its index, if known. */
    int reflag(Slot slot, int flags, int hint) {
        int i = hint >= 0 && hint < size && slots[hint] == slot ? hint : indexOf(slot);
        count(slot.flags, -1);
        slot.flags = (byte) flags;
        count(flags, 1);
        if (!FlagSet.has(flags, FlagSet.SEEN) && i < firstUnseenHint) {
            firstUnseenHint = i;
        }
        return i + 1;
    }

    /** Clears {@code \Recent} everywhere; returns how many had it. Recent messages are the newest ones. */
    int clearRecent() {
        int had = recent;
        for (int i = size - 1; i >= 0 && recent > 0; i--) {
            Slot s = slots[i];
            if (FlagSet.has(s.flags, FlagSet.RECENT)) {
                s.flags &= ~FlagSet.RECENT;
                recent--;
            }
        }
        return had;
    }

    /** Removes the slot at an index (the caller tells the watchers). */
    void removeAt(int index) {
        removals++;
        Slot s = slots[index];
        count(s.flags, -1);
        System.arraycopy(slots, index + 1, slots, index, size - index - 1);
        slots[--size] = null;
        if (index < firstUnseenHint) {
            firstUnseenHint--;
        }
        if (keywords != null) {
            keywords.remove(s);
        }
        s.folder = null;
    }

    /** Removes the slots at these ascending indices in one pass (the caller tells the watchers). */
    void removeAll(int[] indices, int count) {
        if (count == 0) {
            return;
        }
        removals++;
        int below = 0;
        int next = 0;
        int write = indices[0];
        for (int read = indices[0]; read < size; read++) {
            Slot s = slots[read];
            if (next < count && indices[next] == read) {
                next++;
                count(s.flags, -1);
                if (read < firstUnseenHint) {
                    below++;
                }
                if (keywords != null) {
                    keywords.remove(s);
                }
                s.folder = null;
            } else {
                slots[write++] = s;
            }
        }
        Arrays.fill(slots, write, size, null);
        size = write;
        firstUnseenHint -= below;
    }

    private void count(int flags, int delta) {
        if (!FlagSet.has(flags, FlagSet.SEEN)) {
            unseen += delta;
        }
        if (FlagSet.has(flags, FlagSet.RECENT)) {
            recent += delta;
        }
    }

    void watch(Watcher w) {
        List<Watcher> next = new ArrayList<>(watchers);
        next.add(w);
        watchers = List.copyOf(next);
    }

    void unwatch(Watcher w) {
        List<Watcher> next = new ArrayList<>(watchers);
        next.remove(w);
        watchers = List.copyOf(next);
    }

    /** Replaced, never changed, on watch and unwatch: a watcher may stop watching while it is told. */
    List<Watcher> watchers() {
        return watchers;
    }

    @Override
    public String toString() {
        return "Folder[" + box.token() + ":" + pathName() + ", " + size + " messages]";
    }
}
