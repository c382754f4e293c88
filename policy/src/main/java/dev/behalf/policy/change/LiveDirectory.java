package dev.behalf.policy.change;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.DirectoryChange;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The directory in force: the one mutation path of Behalf. Readers take {@link #current()} (a lock-free
 * read of an immutable snapshot); writers {@link #apply} a change set, which is validated, journaled
 * and then swapped in atomically, so a decision sees either all of a change or none of it.
 */
public final class LiveDirectory {
    private final AtomicReference<Directory> current;
    private final ChangeJournal journal;
    private final List<Consumer<Directory>> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();

    public LiveDirectory(Directory initial, ChangeJournal journal) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    public Directory current() {
        return current.get();
    }

    /**
     * Validates, journals and applies the changes; returns the new snapshot. Throws
     * {@link dev.behalf.policy.directory.InvalidDirectoryException} (nothing applied) when the result
     * would be invalid, or the journal's exception when it can't record.
     */
    public Directory apply(ChangeSet changes) {
        Directory next;
        synchronized (writeLock) {
            if (changes.isEmpty()) {
                return current.get();
            }
            next = current.get().apply(changes.changes());
            journal.append(changes);
            current.set(next);
        }
        for (Consumer<Directory> l : listeners) {
            l.accept(next);
        }
        return next;
    }

    /**
     * Brings the directory back to {@code target} (a test's declared state) through the normal path:
     * the difference is journaled as puts and removes.
     */
    public Directory resetTo(Directory target, String origin) {
        synchronized (writeLock) {
            return apply(new ChangeSet(difference(current.get(), target), origin));
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
