package dev.behalf.gateway.audit;

import dev.behalf.mailstore.core.Interner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The decision records of a running Behalf, newest last, bounded to {@code capacity} (the oldest
 * are dropped first). Thread-safe. Listeners see each record after it is added. Each is kept as a
 * {@link KeptDecision}, what a submission repeats shared with the records before it; what it gives
 * back is a record equal to the one added.
 */
public final class DecisionLog {
    private final KeptDecisions records;
    private final Interner shared = new Interner();
    private final List<Consumer<DecisionRecord>> listeners = new CopyOnWriteArrayList<>();
    private long total;

    public DecisionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("decision log capacity must be at least 1: " + capacity);
        }
        this.records = new KeptDecisions(capacity);
    }

    public void add(DecisionRecord record) {
        KeptDecision kept = KeptDecision.of(record, shared);
        synchronized (this) {
            records.add(kept);
            total++;
        }
        for (Consumer<DecisionRecord> l : listeners) {
            l.accept(record);
        }
    }

    /**
     * Records newest first, filtered.
     *
     * @param account  matches the account's display name, address or login (case-insensitive), when given
     * @param outcome  matches the outcome name (case-insensitive), when given
     */
    public synchronized List<DecisionRecord> query(Optional<String> account, Optional<String> outcome, int limit) {
        List<DecisionRecord> out = new ArrayList<>(Math.min(limit, records.size()));
        for (int i = 0; i < records.size() && out.size() < limit; i++) {
            KeptDecision r = records.newest(i);
            if (account.isPresent() && !matchesAccount(r, account.get())) {
                continue;
            }
            if (outcome.isPresent() && !r.outcome().equalsIgnoreCase(outcome.get())) {
                continue;
            }
            out.add(r.record());
        }
        return out;
    }

    private static boolean matchesAccount(KeptDecision r, String account) {
        String a = account.strip().toLowerCase(Locale.ROOT);
        return r.account().toLowerCase(Locale.ROOT).equals(a)
                || r.accountAddress().toLowerCase(Locale.ROOT).equals(a)
                || r.login().toLowerCase(Locale.ROOT).equals(a);
    }

    public synchronized Optional<DecisionRecord> get(String id) {
        return Optional.ofNullable(records.get(id)).map(KeptDecision::record);
    }

    public synchronized Optional<DecisionRecord> last() {
        return records.size() == 0 ? Optional.empty() : Optional.of(records.newest(0).record());
    }

    /** How many records were added since start or the last {@link #clear()}, including those dropped for capacity. */
    public synchronized long total() {
        return total;
    }

    /** Forgets every record (a test's reset): afterwards {@link #total()} counts from zero. */
    public synchronized void clear() {
        records.clear();
        total = 0;
    }

    public void subscribe(Consumer<DecisionRecord> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<DecisionRecord> listener) {
        listeners.remove(listener);
    }
}
