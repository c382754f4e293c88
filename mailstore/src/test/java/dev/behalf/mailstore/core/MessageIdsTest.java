package dev.behalf.mailstore.core;

import dev.behalf.mailstore.MessageId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageIdsTest {
    private static String next(MessageIds ids, Instant at) {
        return MessageIds.format(ids.nextHigh(at.toEpochMilli()), ids.nextLow());
    }

    @Test
    void idsSortAsStringsInTheOrderTheyWereMadeEvenWithinOneMillisecondOrWhenTheClockStepsBack() {
        MessageIds ids = new MessageIds();
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            made.add(next(ids, t));
        }
        made.add(next(ids, t.minusSeconds(60)));
        made.add(next(ids, t.plusSeconds(1)));
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
        assertEquals(made.size(), made.stream().distinct().count());
        assertTrue(made.stream().allMatch(s -> s.length() == 22 && new MessageId(s).value().matches("[A-Za-z0-9_-]+")));
    }

    @Test
    void anIdReadsBackToItsTwoHalvesAndNothingElseReadsAsAnId() {
        long high = (1_714_564_800_000L << 16) | 7;
        long low = 0x8000_0000_0000_0001L;
        String text = MessageIds.format(high, low);
        assertArrayEquals(new long[]{high, low}, MessageIds.parse(text).orElseThrow());
        assertEquals(Optional.empty(), MessageIds.parse(text.substring(1)));
        assertEquals(Optional.empty(), MessageIds.parse(text.substring(0, 21) + "."));
        // The last character carries two bits and four zero bits of padding: another last character is not an id.
        char last = text.charAt(21);
        assertEquals(Optional.empty(), MessageIds.parse(text.substring(0, 21) + (char) (last + 1)));
    }

    @Test
    void theTextIsTheSixteenBytesInBase64OverTheSortedAlphabet() {
        // The format data dirs written before this class already hold: 6 bytes of milliseconds, 2 of sequence, 8 random.
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (i * 17 + 3);
        }
        String url = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String from = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String to = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        StringBuilder expected = new StringBuilder();
        for (char c : url.toCharArray()) {
            expected.append(to.charAt(from.indexOf(c)));
        }
        long high = java.nio.ByteBuffer.wrap(b, 0, 8).getLong();
        long low = java.nio.ByteBuffer.wrap(b, 8, 8).getLong();
        assertEquals(expected.toString(), MessageIds.format(high, low));
    }
}
