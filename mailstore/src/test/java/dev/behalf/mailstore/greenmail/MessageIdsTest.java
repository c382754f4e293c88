package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MessageId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageIdsTest {
    @Test
    void idsSortAsStringsInTheOrderTheyWereMadeEvenWithinOneMillisecondOrWhenTheClockStepsBack() {
        MessageIds ids = new MessageIds();
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            made.add(ids.next(t).value());
        }
        made.add(ids.next(t.minusSeconds(60)).value());
        made.add(ids.next(t.plusSeconds(1)).value());
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
        assertEquals(made.size(), made.stream().distinct().count());
        assertTrue(made.stream().allMatch(s -> s.length() == 22 && new MessageId(s).value().matches("[A-Za-z0-9_-]+")));
    }
}
