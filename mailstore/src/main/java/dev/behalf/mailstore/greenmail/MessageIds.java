package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.MessageId;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * New {@link MessageId}s: 48 bits of delivery time then 80 random bits, base64url without padding
 * (22 characters, URL-safe, roughly time-ordered, unguessable). A durable store keeps them in the file
 * names, so they survive restarts.
 */
final class MessageIds {
    private final SecureRandom random = new SecureRandom();

    MessageId next(Instant at) {
        byte[] b = new byte[16];
        long ms = at.toEpochMilli();
        for (int i = 5; i >= 0; i--) {
            b[i] = (byte) ms;
            ms >>>= 8;
        }
        byte[] r = new byte[10];
        random.nextBytes(r);
        System.arraycopy(r, 0, b, 6, 10);
        return new MessageId(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
}
