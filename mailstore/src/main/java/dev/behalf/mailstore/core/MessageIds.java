package dev.behalf.mailstore.core;

import dev.behalf.mailstore.MessageId;
import dev.behalf.policy.random.RandomBits;

import java.util.Optional;

/**
 * {@link MessageId}s, strictly increasing per store: 48 bits of milliseconds and a 16-bit sequence
 * within the millisecond ({@link #nextHigh}), then 64 random bits ({@link #nextLow}), written as 22
 * characters of base64 over the URL-safe alphabet in ASCII order ({@code -0-9A-Z_a-z}), so comparing
 * two ids as strings compares them as numbers. Ids sort in delivery order, are unguessable, and a
 * durable store keeps them in its file names, so they survive restarts. A placement keeps the two
 * numbers, not the text: {@link #format} writes it when someone asks.
 */
public final class MessageIds {
    private static final String SORTED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 22;

    private long lastMillis = -1;
    private int sequence;

    /** The high half of the next id made at {@code millis}: time and sequence, never below the last one. */
    public synchronized long nextHigh(long millis) {
        long ms = Math.max(millis, lastMillis);
        if (ms == lastMillis) {
            sequence++;
            if (sequence > 0xffff) {
                ms++;
                sequence = 0;
            }
        } else {
            sequence = 0;
        }
        lastMillis = ms;
        return (ms << 16) | sequence;
    }

    /** The random low half. */
    public long nextLow() {
        return RandomBits.shared().nextLong();
    }

    /** The id's text: the 128 bits in 6-bit groups, high first, the last group padded with zeros. */
    public static String format(long high, long low) {
        byte[] text = new byte[LENGTH];
        for (int i = 0; i < 10; i++) { // bits 0..59 of high
            text[i] = (byte) SORTED.charAt((int) (high >>> (58 - 6 * i)) & 63);
        }
        text[10] = (byte) SORTED.charAt((int) (((high & 15) << 2) | (low >>> 62))); // 60..63 and 64..65
        for (int i = 11; i < 21; i++) { // bits 66..125
            text[i] = (byte) SORTED.charAt((int) (low >>> (58 - 6 * (i - 11) - 2)) & 63);
        }
        text[21] = (byte) SORTED.charAt((int) ((low & 3) << 4)); // 126..127, then four zero bits
        return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The two halves of an id this class formats; empty for any other text. */
    public static Optional<long[]> parse(String text) {
        if (text.length() != LENGTH) {
            return Optional.empty();
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < LENGTH; i++) {
            int v = SORTED.indexOf(text.charAt(i));
            if (v < 0) {
                return Optional.empty();
            }
            for (int k = 0; k < 6; k++) {
                int b = i * 6 + k;
                long one = (v >>> (5 - k)) & 1;
                if (b < 64) {
                    high |= one << (63 - b);
                } else if (b < 128) {
                    low |= one << (127 - b);
                } else if (one != 0) {
                    return Optional.empty(); // padding bits must be zero, or two texts would name one id
                }
            }
        }
        return Optional.of(new long[]{high, low});
    }
}
