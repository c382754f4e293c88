package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MessageId;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * New {@link MessageId}s, strictly increasing per store: 48 bits of milliseconds, a 16-bit sequence
 * within the millisecond, then 64 random bits, written in base64 over the URL-safe alphabet in ASCII
 * order ({@code -0-9A-Z_a-z}) so that comparing two ids as strings compares them as numbers. Ids sort in
 * delivery order (the tie-break for copies received in the same millisecond), are unguessable, and a
 * durable store keeps them in its file names, so they survive restarts.
 */
final class MessageIds {
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String SORTED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int sequence;

    synchronized MessageId next(Instant at) {
        long ms = Math.max(at.toEpochMilli(), lastMillis);
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
        byte[] b = new byte[16];
        for (int i = 5; i >= 0; i--) {
            b[i] = (byte) ms;
            ms >>>= 8;
        }
        b[6] = (byte) (sequence >>> 8);
        b[7] = (byte) sequence;
        byte[] r = new byte[8];
        random.nextBytes(r);
        System.arraycopy(r, 0, b, 8, 8);
        char[] text = Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
        for (int i = 0; i < text.length; i++) {
            text[i] = SORTED.charAt(URL.indexOf(text[i]));
        }
        return new MessageId(new String(text));
    }
}
