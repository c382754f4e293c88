package dev.behalf.policy.signin;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many connections a listener holds at once, in all and per client address (IPv6 per /64, as the
 * {@link SignInThrottle} counts). Without the per-client cap one client can take every slot of the total,
 * and nobody else gets in (Exchange's receive connectors cap both: MaxInboundConnection,
 * MaxInboundConnectionPerSource). Each listener has its own; thread-safe.
 */
public final class ConnectionCaps {
    private final int total;
    private final int perClient;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private int all;

    /** Defaults of every Behalf listener: 500 in all, 100 from one client. */
    public static final int DEFAULT_TOTAL = 500;
    public static final int DEFAULT_PER_CLIENT = 100;

    public ConnectionCaps(int total, int perClient) {
        if (total < 1 || perClient < 1) {
            throw new IllegalArgumentException("connection caps must be at least 1: total " + total + ", per client " + perClient);
        }
        this.total = total;
        this.perClient = perClient;
    }

    public int total() {
        return total;
    }

    public int perClient() {
        return perClient;
    }

    /** Whether a connection was let in, and if not, which cap refused it. */
    public sealed interface Admission {
    }

    /** Let in; {@link #close()} gives the slot back (once; later calls do nothing). */
    public static final class Admitted implements Admission, AutoCloseable {
        private final Runnable release;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Admitted(Runnable release) {
            this.release = release;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release.run();
            }
        }
    }

    /** Refused: {@code perClient} when this client holds its share, otherwise the total is reached. */
    public record Refused(boolean perClient, int limit) implements Admission {
    }

    public Admission admit(InetAddress client) {
        String key = SignInThrottle.client(Objects.requireNonNull(client, "client"));
        synchronized (this) {
            if (all >= total) {
                return new Refused(false, total);
            }
            int mine = open.getOrDefault(key, 0);
            if (mine >= perClient) {
                return new Refused(true, perClient);
            }
            all++;
            open.put(key, mine + 1);
        }
        return new Admitted(() -> release(key));
    }

    private synchronized void release(String key) {
        all--;
        open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections held now (for tests). */
    public synchronized int open() {
        return all;
    }
}
