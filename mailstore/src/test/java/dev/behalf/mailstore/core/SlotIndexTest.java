package dev.behalf.mailstore.core;

import dev.behalf.message.HeaderSection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SlotIndexTest {
    private static final Message MESSAGE = new Message(HeaderSection.read(new byte[0]), 0, new Interner());

    @Test
    void addsFindsAndRemovesLikeAMapThroughGrowthAndCollidingIds() {
        SlotIndex index = new SlotIndex();
        Map<List<Long>, Slot> expected = new HashMap<>();
        List<Slot> live = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                // Few distinct low halves: ids that share one (and so one probe run) must still be told apart.
                Slot s = new Slot(MESSAGE, random.nextLong(), random.nextInt(5000), 0);
                if (expected.putIfAbsent(List.of(s.idHigh, s.idLow), s) == null) {
                    assertEquals(true, index.add(s));
                    live.add(s);
                }
            } else {
                Slot s = live.remove(random.nextInt(live.size()));
                expected.remove(List.of(s.idHigh, s.idLow));
                index.remove(s);
                assertNull(index.get(s.idHigh, s.idLow));
            }
        }
        assertEquals(expected.size(), index.size());
        for (Slot s : live) {
            assertSame(s, index.get(s.idHigh, s.idLow));
            assertFalse(index.add(new Slot(MESSAGE, s.idHigh, s.idLow, 0)), "an id is stored once");
        }
    }
}
