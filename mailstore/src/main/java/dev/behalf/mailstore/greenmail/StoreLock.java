package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.store.FolderException;
import dev.behalf.mailstore.StoreEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one lock over Behalf's view of stored mail, and the events made under it. Lock order: this lock
 * first, GreenMail's folder monitors after, never the other way round. Events queued while it is held
 * are published when the outermost hold ends, on the thread that made the change, outside the lock.
 */
final class StoreLock {
    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final List<StoreEvent> pending = new ArrayList<>();
    private final List<Consumer<StoreEvent>> subscribers = new CopyOnWriteArrayList<>();

    <T> T locked(Supplier<T> work) {
        lock.lock();
        List<StoreEvent> publish = List.of();
        try {
            return work.get();
        } finally {
            if (lock.getHoldCount() == 1 && !pending.isEmpty()) {
                publish = new ArrayList<>(pending);
                pending.clear();
            }
            lock.unlock();
            publish.forEach(this::publish);
        }
    }

    void run(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** Work on GreenMail folders that may throw GreenMail's checked {@link FolderException}. */
    interface FolderWork<T> {
        T run() throws FolderException;
    }

    <T> T lockedFolderWork(FolderWork<T> work) throws FolderException {
        try {
            return locked(() -> {
                try {
                    return work.run();
                } catch (FolderException e) {
                    throw new Carrier(e);
                }
            });
        } catch (Carrier c) {
            throw c.folderException;
        }
    }

    void queue(StoreEvent event) {
        requireHeld();
        pending.add(event);
    }

    void subscribe(Consumer<StoreEvent> listener) {
        subscribers.add(listener);
    }

    void requireHeld() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the store lock must be held");
        }
    }

    private void publish(StoreEvent event) {
        for (Consumer<StoreEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.warn("A store event listener failed on {}", event, e);
            }
        }
    }

    /** Carries a checked {@link FolderException} through {@link #locked}. */
    private static final class Carrier extends RuntimeException {
        private final FolderException folderException;

        Carrier(FolderException e) {
            super(e);
            this.folderException = e;
        }
    }
}
