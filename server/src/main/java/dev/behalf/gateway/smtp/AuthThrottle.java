package dev.behalf.gateway.smtp;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code limit} failed AUTH attempts from one address within
 * {@code window}, further attempts from it are refused (454 4.7.0) until the window slides past.
 */
final class AuthThrottle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<InetAddress, Deque<Instant>> failures = new ConcurrentHashMap<>();

    AuthThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    boolean blocked(InetAddress address) {
        Deque<Instant> f = failures.get(address);
        if (f == null) {
            return false;
        }
        synchronized (f) {
            prune(f);
            return f.size() >= limit;
        }
    }

    /** Records a failure; returns how many failures are now in the window. */
    int fail(InetAddress address) {
        Deque<Instant> f = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (f) {
            prune(f);
            f.addLast(clock.instant());
            return f.size();
        }
    }

    int limit() {
        return limit;
    }

    private void prune(Deque<Instant> f) {
        Instant cutoff = clock.instant().minus(window);
        while (!f.isEmpty() && f.peekFirst().isBefore(cutoff)) {
            f.removeFirst();
        }
    }
}
