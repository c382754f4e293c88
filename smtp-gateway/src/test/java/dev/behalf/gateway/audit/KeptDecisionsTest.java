package dev.behalf.gateway.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The log's ring and id index against a plain deque and map: the same records, newest first, and the same
 * answer for every id, through growth, eviction at capacity, ids used twice and a clear.
 */
class KeptDecisionsTest {

    private static DecisionRecord record(String id, int n) {
        return new DecisionRecord(id, Instant.ofEpochSecond(n), "a", "a@x", "a", "a@x", List.of(), List.of(), Optional.empty(),
                Optional.empty(), "Self", "DATA", List.of(), List.of(), "250 " + n, Optional.empty(), Optional.empty(), List.of(), 0);
    }

    @Test
    void agreesWithADequeAndAMap() {
        Random random = new Random(13);
        for (int capacity : new int[] {1, 2, 7, 16, 17, 100, 1000}) {
            DecisionLog log = new DecisionLog(capacity);
            ArrayDeque<DecisionRecord> deque = new ArrayDeque<>();
            Map<String, DecisionRecord> byId = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < 5000; n++) {
                if (n == 2500) {
                    log.clear();
                    deque.clear();
                    byId.clear();
                }
                // Now and then an id again (a reloaded file may hold one twice): the newer record answers for it.
                // Behalf's ids are UUIDs (kept as numbers); others are kept as text.
                String id = !ids.isEmpty() && random.nextInt(20) == 0 ? ids.get(random.nextInt(ids.size()))
                        : n % 2 == 0 ? new java.util.UUID(random.nextLong(), random.nextLong()).toString() : "id-" + n;
                ids.add(id);
                DecisionRecord r = record(id, n);
                log.add(r);
                deque.addLast(r);
                byId.put(id, r);
                if (deque.size() > capacity) {
                    DecisionRecord dropped = deque.removeFirst();
                    if (byId.get(dropped.id()) == dropped) {
                        byId.remove(dropped.id());
                    }
                }
                if (n % 97 == 0 || n > 4900) {
                    List<DecisionRecord> newestFirst = new ArrayList<>();
                    for (Iterator<DecisionRecord> it = deque.descendingIterator(); it.hasNext(); ) {
                        newestFirst.add(it.next());
                    }
                    assertEquals(newestFirst, log.query(Optional.empty(), Optional.empty(), Integer.MAX_VALUE));
                    assertEquals(Optional.ofNullable(deque.peekLast()), log.last());
                    for (String each : ids.subList(Math.max(0, ids.size() - 3 * capacity), ids.size())) {
                        assertEquals(Optional.ofNullable(byId.get(each)), log.get(each), "capacity " + capacity + ", id " + each);
                    }
                }
            }
        }
    }
}
