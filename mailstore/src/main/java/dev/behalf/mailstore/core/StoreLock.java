package dev.behalf.mailstore.core;

import dev.behalf.mailstore.StoreEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one lock over stored mail, and the events made under it. Events queued while it is held are
 * published when the outermost hold ends, on the thread that made the change, outside the lock, so a
 * listener that reads the store sees the change and never waits behind the writer.
 */
final class StoreLock {
    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final List<StoreEvent> pending = new ArrayList<>();
    private final List<Consumer<StoreEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Work that may throw a checked exception of its own (GreenMail's {@code FolderException}). */
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    <T, E extends Exception> T call(Work<T, E> work) throws E {
        acquire();
        try {
            return work.run();
        } finally {
            release();
        }
    }

    /** For the hot paths that can't afford a lambda per call: pair with {@link #release()} in a finally. */
    void acquire() {
        lock.lock();
    }

    void release() {
        List<StoreEvent> publish = List.of();
        if (!pending.isEmpty() && lock.getHoldCount() == 1) {
            publish = new ArrayList<>(pending);
            pending.clear();
        }
        lock.unlock();
        if (!publish.isEmpty()) {
            publish.forEach(this::publish);
        }
    }

    boolean hasSubscribers() {
        return !subscribers.isEmpty();
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
}
