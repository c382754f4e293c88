package dev.behalf.policy.change;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.InvalidDirectoryException;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The directory in force: the one mutation path of Behalf. Readers take {@link #current()} (a lock-free
 * read of an immutable snapshot); writers {@link #apply} a change set, which is validated, journaled
 * and then swapped in atomically, so a decision sees either all of a change or none of it.
 *
 * <p>Grant propagation, as in Exchange Online: a change to a mailbox's or group's Send As, Send on Behalf
 * or Full Access entries is written at once ({@link #current()}, what {@code Get-} cmdlets show) but
 * decisions see it only after a delay ({@link #inForce()}): an added grant is refused, a removed one still
 * honoured, until {@link PendingGrant#inForceAt()}. The delay is the server's default or one per change
 * ({@link #apply(ChangeSet, Duration)}); zero is at once. All times come from the one {@link #clock()}.
 */
public final class LiveDirectory {
    /** The written directory and the grant changes of it not yet in force, swapped together. */
    private record State(Directory written, List<PendingGrant> pending) {
    }

    /** The last in-force view computed, for the written snapshot and pending changes it was computed from. */
    private record View(Directory written, List<PendingGrant> open, Directory inForce) {
    }

    private final AtomicReference<State> state;
    private final AtomicReference<View> view = new AtomicReference<>();
    private final ChangeJournal journal;
    private final Clock clock;
    private final Duration propagationDelay;
    private final List<Consumer<Directory>> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();

    /** Grant changes in force at once, on the system clock. */
    public LiveDirectory(Directory initial, ChangeJournal journal) {
        this(initial, journal, Clock.systemUTC(), Duration.ZERO);
    }

    /** @param propagationDelay how long a grant change takes to be in force unless a change says otherwise */
    public LiveDirectory(Directory initial, ChangeJournal journal, Clock clock, Duration propagationDelay) {
        this.state = new AtomicReference<>(new State(Objects.requireNonNull(initial, "initial"), List.of()));
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.propagationDelay = checked(propagationDelay);
    }

    /** The directory as written: every change applied, pending grants included. */
    public Directory current() {
        return state.get().written();
    }

    /**
     * The directory decisions see: {@link #current()} without the grant changes still propagating.
     * Lock-free; the same snapshot object until a change lands or a pending change comes in force.
     */
    public Directory inForce() {
        State s = state.get();
        if (s.pending().isEmpty()) {
            return s.written();
        }
        List<PendingGrant> open = open(s.pending(), clock.instant());
        if (open.isEmpty()) {
            return s.written();
        }
        View v = view.get();
        if (v != null && v.written() == s.written() && v.open().equals(open)) {
            return v.inForce();
        }
        Directory d = reverted(s.written(), open);
        view.set(new View(s.written(), open, d));
        return d;
    }

    /** The grant changes not yet in force, oldest first. */
    public List<PendingGrant> pending() {
        return open(state.get().pending(), clock.instant());
    }

    /** The clock every propagation time is read from (and the one the server stamps records with). */
    public Clock clock() {
        return clock;
    }

    /** The default delay of a grant change. */
    public Duration propagationDelay() {
        return propagationDelay;
    }

    /** {@link #apply(ChangeSet, Duration)} with the default propagation delay. */
    public Directory apply(ChangeSet changes) {
        return apply(changes, propagationDelay);
    }

    /**
     * Validates, journals and applies the changes; returns the new snapshot. Grants the changes add or
     * remove are in force after {@code delay} (zero: at once); the journal records when. Throws
     * {@link dev.behalf.policy.directory.InvalidDirectoryException} (nothing applied) when the result
     * would be invalid, or the journal's exception when it can't record.
     */
    public Directory apply(ChangeSet changes, Duration delay) {
        checked(delay);
        Directory next;
        synchronized (writeLock) {
            State s = state.get();
            if (changes.isEmpty()) {
                return s.written();
            }
            next = s.written().apply(changes.changes());
            Instant now = clock.instant();
            Instant at = now.plus(delay);
            List<PendingGrant> held = delay.isZero() ? List.of() : pendingOf(s.written(), next, changes, at);
            journal.append(held.isEmpty() ? changes : changes.inForceAt(at));
            List<PendingGrant> pending = new ArrayList<>(open(s.pending(), now));
            pending.addAll(held);
            state.set(new State(next, List.copyOf(pending)));
        }
        for (Consumer<Directory> l : listeners) {
            l.accept(next);
        }
        return next;
    }

    /**
     * Brings the directory back to {@code target} (a test's declared state) through the normal path:
     * the difference is journaled as puts and removes, in force at once; nothing stays pending.
     */
    public Directory resetTo(Directory target, String origin) {
        synchronized (writeLock) {
            Directory d = apply(new ChangeSet(difference(current(), target), origin), Duration.ZERO);
            state.set(new State(state.get().written(), List.of()));
            return d;
        }
    }

    /**
     * After a restart: holds back again the grant changes of {@code recorded} (the journal replayed onto
     * {@code base}, which {@link #current()} already is) whose time to be in force has not come yet.
     */
    public void restorePending(Directory base, List<ChangeSet> recorded) {
        Instant now = clock.instant();
        int first = 0;
        while (first < recorded.size() && !recorded.get(first).inForceAt().map(now::isBefore).orElse(false)) {
            first++;
        }
        if (first == recorded.size()) {
            return;
        }
        synchronized (writeLock) {
            Directory d = ChangeJournal.replay(base, recorded.subList(0, first));
            List<PendingGrant> pending = new ArrayList<>();
            for (ChangeSet set : recorded.subList(first, recorded.size())) {
                Directory next = d.apply(set.changes());
                Optional<Instant> at = set.inForceAt().filter(now::isBefore);
                if (at.isPresent()) {
                    pending.addAll(pendingOf(d, next, set, at.get()));
                }
                d = next;
            }
            state.set(new State(state.get().written(), List.copyOf(pending)));
        }
    }

    /**
     * Runs {@code action} with no other writer in between, for read-modify-write: changes computed from
     * {@link #current()} inside it and applied with {@link #apply} inside it can't overwrite a change
     * another writer made meanwhile (a cmdlet and a web admin save editing the same mailbox).
     * Readers are never blocked.
     */
    public <T> T exclusively(Supplier<T> action) {
        synchronized (writeLock) {
            return action.get();
        }
    }

    /** Called with each new snapshot after it is in force, on the writer's thread. */
    public void onChange(Consumer<Directory> listener) {
        listeners.add(listener);
    }

    private static List<PendingGrant> pendingOf(Directory before, Directory after, ChangeSet changes, Instant at) {
        List<PendingGrant> out = new ArrayList<>();
        for (DirectoryChange c : changes.changes()) {
            if (c instanceof DirectoryChange.Put put) {
                RecipientId id = put.recipient().id();
                Optional<Recipient> old = before.get(id);
                Optional<Recipient> now = after.get(id);
                if (old.isEmpty() || now.isEmpty()) {
                    continue; // a new recipient's grants come with it
                }
                GrantLists was = GrantLists.of(old.get());
                GrantLists is = GrantLists.of(now.get());
                GrantLists added = is.minus(was);
                GrantLists removed = was.minus(is);
                if (!added.isEmpty() || !removed.isEmpty()) {
                    out.add(new PendingGrant(id, added, removed, at, changes.origin()));
                }
            }
        }
        return out;
    }

    /** {@code written} with the {@code open} changes undone, newest first. */
    private static Directory reverted(Directory written, List<PendingGrant> open) {
        Map<RecipientId, Recipient> back = new LinkedHashMap<>();
        for (int i = open.size() - 1; i >= 0; i--) {
            PendingGrant p = open.get(i);
            Optional<Recipient> r = Optional.ofNullable(back.get(p.target())).or(() -> written.get(p.target()));
            r.ifPresent(rec -> back.put(p.target(), GrantLists.revert(rec, p.added(), p.removed())));
        }
        List<DirectoryChange> puts = back.values().stream().<DirectoryChange>map(DirectoryChange.Put::new).toList();
        try {
            return written.apply(puts);
        } catch (InvalidDirectoryException e) {
            // A trustee removed since: the entries that still apply are held back, one recipient at a time.
            Directory d = written;
            for (DirectoryChange put : puts) {
                try {
                    d = d.apply(List.of(put));
                } catch (InvalidDirectoryException skipped) {
                    // that recipient's grants are in force as written
                }
            }
            return d;
        }
    }

    private static List<PendingGrant> open(List<PendingGrant> pending, Instant now) {
        return pending.stream().filter(p -> p.inForceAt().isAfter(now)).toList();
    }

    private static Duration checked(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a propagation delay can't be negative: " + delay);
        }
        return delay;
    }

    static List<DirectoryChange> difference(Directory from, Directory to) {
        List<DirectoryChange> changes = new ArrayList<>();
        for (Recipient r : from.recipients()) {
            if (to.get(r.id()).isEmpty()) {
                changes.add(new DirectoryChange.Remove(r.id()));
            }
        }
        for (Recipient r : to.recipients()) {
            RecipientId id = r.id();
            if (!from.get(id).map(r::equals).orElse(false)) {
                changes.add(new DirectoryChange.Put(r));
            }
        }
        return changes;
    }
}
