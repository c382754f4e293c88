package dev.behalf.mailstore.core;

import java.util.UUID;

/**
 * A UUID's canonical text ({@code aeb261d1-6586-4e42-ab80-6e333c0a5a10}, lowercase, as
 * {@link UUID#toString()} writes it) kept as its two numbers: 16 bytes instead of an 80-byte string.
 * Behalf's submission ids are such texts, and the store's summary and the decision log each keep one per
 * message (issue 13, heap per message). Only the canonical text is taken, so {@link #format} gives back
 * the very text; any other is kept as it is by the caller.
 */
public final class UuidText {
    private static final int LENGTH = 36;

    private UuidText() {
    }

    /** Whether {@code text} is a UUID as {@link UUID#toString()} writes it. */
    public static boolean canonical(String text) {
        if (text == null || text.length() != LENGTH
                || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (i != 8 && i != 13 && i != 18 && i != 23 && digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The high 64 bits of a {@link #canonical} text. */
    public static long high(String text) {
        return bits(text, 0, 18);
    }

    /** The low 64 bits of a {@link #canonical} text. */
    public static long low(String text) {
        return bits(text, 19, LENGTH);
    }

    public static String format(long high, long low) {
        return new UUID(high, low).toString();
    }

    /** The hex digits of {@code [from, to)}, dashes skipped, as one number. */
    private static long bits(String text, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '-') {
                v = v << 4 | digit(c);
            }
        }
        return v;
    }

    /** A lowercase hex digit's value, or -1. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
