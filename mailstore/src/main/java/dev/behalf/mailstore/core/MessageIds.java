package dev.behalf.mailstore.core;

import dev.behalf.mailstore.MessageId;

import java.security.SecureRandom;
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

    private final SecureRandom random = new SecureRandom();
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
        return random.nextLong();
    }

    /** The id's text: the 128 bits in 6-bit groups, high first, the last group padded with zeros. */
    public static String format(long high, long low) {
        char[] text = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int bit = i * 6; // of 128, from the top
            text[i] = SORTED.charAt(bits(high, low, bit));
        }
        return new String(text);
    }

    private static int bits(long high, long low, int bit) {
        int v = 0;
        for (int k = 0; k < 6; k++) {
            int b = bit + k;
            int one = b >= 128 ? 0 : b < 64 ? (int) (high >>> (63 - b)) & 1 : (int) (low >>> (127 - b)) & 1;
            v = (v << 1) | one;
        }
        return v;
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
