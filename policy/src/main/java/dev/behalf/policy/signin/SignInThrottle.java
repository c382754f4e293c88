package dev.behalf.policy.signin;

import dev.behalf.policy.random.RandomBits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Slows password guessing, for every sign-in surface together. Failures are counted per (client, account):
 * someone guessing from one address never slows the account's owner signing in from another, and
 * {@code terrya}, {@code CONTOSO\terrya} and {@code terrya@contoso.com} count as one account. After
 * {@link Limits#freeFailures()} failures, each further attempt of that pair waits before it is decided,
 * twice as long after each failure, up to {@link Limits#maxDelay()} (Dovecot's auth penalty: 2 s doubling
 * to 15 s; Entra ID smart lockout also lets a few failures through first). Attempts of one pair are decided
 * one after another, so parallel connections gain a guesser nothing; an attempt whose password is right when
 * it arrives takes its turn behind the failures so far but reserves no delay for the attempts after it, so
 * ten connections signing in at once with the right password wait nothing. A success clears the pair; so does
 * {@link Limits#forgetAfter()} without a failure. The same wrong password again is not counted again (a
 * client retrying a stale saved password; Entra ID tracks the last three, so does this).
 *
 * <p>Time to guess 100 passwords of one account from one address with the defaults: 3 free, then
 * 1 + 2 + 4 + 8 s, then 15 s each: about 23 minutes. The wait is returned, never slept here: the surface
 * waits without holding a thread others need. Thread-safe.
 */
public final class SignInThrottle {
    private static final int REMEMBERED_PASSWORDS = 3;

    private final Limits limits;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();

    /**
     * The throttle's numbers.
     *
     * @param freeFailures failures of one (client, account) answered without delay
     * @param firstDelay   the wait after the first failure past the free ones; doubles with each further failure
     * @param maxDelay     the longest wait
     * @param forgetAfter  a pair with no failure for this long starts afresh
     * @param maxTracked   pairs remembered at most; past that, those without a delay are forgotten first
     */
    public record Limits(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxTracked) {
        /** 3 free failures, then 1 s doubling to 15 s, forgotten after 10 minutes, 10,000 pairs. */
        public static final Limits DEFAULTS = new Limits(3, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(10), 10_000);

        public Limits {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(forgetAfter, "forgetAfter");
            if (freeFailures < 0) {
                throw new IllegalArgumentException("freeFailures must be 0 or more: " + freeFailures);
            }
            if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay: " + firstDelay + ", " + maxDelay);
            }
            if (forgetAfter.isZero() || forgetAfter.isNegative()) {
                throw new IllegalArgumentException("forgetAfter must be positive: " + forgetAfter);
            }
            if (maxTracked < 1) {
                throw new IllegalArgumentException("maxTracked must be at least 1: " + maxTracked);
            }
        }

        /** No delay ever (for tests that sign in wrongly on purpose and are not about the throttle). */
        public static Limits off() {
            return new Limits(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), 10_000);
        }

        /** How long the next attempt waits after {@code failures} counted failures. */
        public Duration delayAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = failures - freeFailures - 1;
            if (doublings >= 30) {
                return maxDelay;
            }
            Duration d = firstDelay.multipliedBy(1L << doublings);
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
    }

    public SignInThrottle(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        RandomBits.shared().nextBytes(salt);
    }

    public Limits limits() {
        return limits;
    }

    /** One (client, account) pair. */
    record Key(String client, String account) {
        // Written out: a record's are an invokedynamic through method handles, and a key is hashed every sign-in.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && client.equals(k.client) && account.equals(k.account);
        }

        @Override
        public int hashCode() {
            return client.hashCode() * 31 + account.hashCode();
        }
    }

    /**
     * The client part of a key: an IPv4 address, or an IPv6 address's /64 network (one subscriber's
     * allocation, so a guesser cannot get a fresh count from each of its 2^64 addresses).
     */
    static String client(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            return HexFormat.of().formatHex(b, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    /**
     * Reserves the pair's next turn: the returned ticket says how long to wait before deciding, and must be
     * told how the attempt ended. Reserving assumes the attempt will fail, so attempts made in parallel are
     * spaced as if made one after another.
     */
    Ticket admit(Key key) {
        return admit(key, false);
    }

    /**
     * As {@link #admit(Key)}; {@code rightNow} says the credential is right on the directory as it is at
     * admission. Such an attempt still waits for the turn the failures counted and reserved so far give it (a
     * right guess among parallel wrong ones is answered no sooner than if they had been made one after
     * another), but reserves no delay for the attempts after it: parallel sign-ins with the right password,
     * a test suite's connection pool, are not spaced out as if they were guesses.
     */
    Ticket admit(Key key, boolean rightNow) {
        while (true) {
            Entry e = entries.computeIfAbsent(key, k -> new Entry());
            Duration wait;
            synchronized (e) {
                if (e.dead) {
                    continue;
                }
                Instant now = clock.instant();
                e.forgetIfStale(now, limits.forgetAfter());
                Instant slot = e.nextAt == null || e.nextAt.isBefore(now) ? now : e.nextAt;
                e.pending++;
                if (!rightNow) {
                    e.reserved++;
                    e.nextAt = slot.plus(limits.delayAfter(e.failures + e.reserved));
                }
                wait = Duration.between(now, slot);
            }
            if (entries.size() > limits.maxTracked()) {
                sweep();
            }
            return new Ticket(key, e, wait, !rightNow);
        }
    }

    /** How many failures are counted against a pair now (for tests and logs). */
    int failures(Key key) {
        Entry e = entries.get(key);
        if (e == null) {
            return 0;
        }
        synchronized (e) {
            e.forgetIfStale(clock.instant(), limits.forgetAfter());
            return e.failures;
        }
    }

    int tracked() {
        return entries.size();
    }

    /** A reserved turn; exactly one of {@link #failed}, {@link #succeeded}, {@link #abandoned} ends it. */
    final class Ticket {
        private final Key key;
        private final Entry entry;
        private final Duration wait;
        private final boolean reserved;
        private boolean ended;

        private Ticket(Key key, Entry entry, Duration wait, boolean reserved) {
            this.key = key;
            this.entry = entry;
            this.wait = wait;
            this.reserved = reserved;
        }

        /** How long to wait before deciding. */
        Duration waitTime() {
            return wait;
        }

        /** Counts a failure, unless it is one of the pair's last wrong passwords again; returns the count. */
        int failed(Optional<String> secret) {
            Optional<String> print = secret.map(SignInThrottle.this::fingerprint);
            synchronized (entry) {
                end();
                boolean repeated = print.isPresent() && entry.recentWrong.contains(print.get());
                if (!repeated) {
                    entry.failures++;
                    print.ifPresent(p -> {
                        entry.recentWrong.addLast(p);
                        if (entry.recentWrong.size() > REMEMBERED_PASSWORDS) {
                            entry.recentWrong.removeFirst();
                        }
                    });
                }
                entry.lastFailure = clock.instant();
                return entry.failures;
            }
        }

        /** A success clears the pair. */
        void succeeded() {
            synchronized (entry) {
                end();
                entry.dead = true;
            }
            entries.remove(key, entry);
        }

        /** The attempt was not decided (the server stopped while it waited). */
        void abandoned() {
            synchronized (entry) {
                end();
            }
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("this sign-in attempt was already counted");
            }
            ended = true;
            entry.pending--;
            if (reserved) {
                entry.reserved--;
            }
        }
    }

    private String fingerprint(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Forgets pairs until 90% of {@code maxTracked} are left: first those without a delay to remember (stale, or
     * within their free failures), then the longest quiet. Pairs with an attempt in flight stay.
     */
    private void sweep() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            int target = limits.maxTracked() - limits.maxTracked() / 10;
            List<Map.Entry<Key, Entry>> penalised = new ArrayList<>();
            for (Map.Entry<Key, Entry> me : entries.entrySet()) {
                Entry e = me.getValue();
                synchronized (e) {
                    if (e.pending > 0) {
                        continue;
                    }
                    e.forgetIfStale(now, limits.forgetAfter());
                    if (e.failures <= limits.freeFailures()) {
                        e.dead = true;
                        entries.remove(me.getKey(), e);
                    } else {
                        penalised.add(me);
                    }
                }
            }
            if (entries.size() <= target) {
                return;
            }
            penalised.sort(Comparator.comparing(me -> me.getValue().lastFailureOrEpoch()));
            for (Map.Entry<Key, Entry> me : penalised) {
                if (entries.size() <= target) {
                    break;
                }
                Entry e = me.getValue();
                synchronized (e) {
                    if (e.pending == 0) {
                        e.dead = true;
                        entries.remove(me.getKey(), e);
                    }
                }
            }
        } finally {
            sweeping.unlock();
        }
    }

    /** One pair's state; guarded by its own monitor. */
    private static final class Entry {
        int failures;
        /** Attempts admitted and not yet ended. */
        int pending;
        /** Of those, the ones admitted as presumed failures, each holding back the turns after it. */
        int reserved;
        Instant nextAt;
        Instant lastFailure;
        boolean dead;
        final ArrayDeque<String> recentWrong = new ArrayDeque<>(REMEMBERED_PASSWORDS + 1);

        void forgetIfStale(Instant now, Duration forgetAfter) {
            if (pending == 0 && lastFailure != null && !now.isBefore(lastFailure.plus(forgetAfter))) {
                failures = 0;
                lastFailure = null;
                nextAt = null;
                recentWrong.clear();
            }
        }

        synchronized Instant lastFailureOrEpoch() {
            return lastFailure == null ? Instant.EPOCH : lastFailure;
        }
    }
}
