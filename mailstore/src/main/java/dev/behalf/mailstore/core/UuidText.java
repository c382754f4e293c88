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
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The high 64 bits of a {@link #canonical} text. */
    public static long high(String text) {
        return hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
    }

    /** The low 64 bits of a {@link #canonical} text. */
    public static long low(String text) {
        return hex(text, 19, 23) << 48 | hex(text, 24, 36);
    }

    public static String format(long high, long low) {
        return new UUID(high, low).toString();
    }

    private static long hex(String text, int from, int to) {
        return Long.parseUnsignedLong(text, from, to, 16);
    }
}
