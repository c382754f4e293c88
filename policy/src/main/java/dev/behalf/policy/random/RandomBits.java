package dev.behalf.policy.random;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unguessable bits for ids (store and submission ids, salts, keys), read from the kernel's generator
 * ({@code /dev/urandom}) 4 KB at a time, or from a {@link SecureRandom} where there is no such file.
 *
 * <p>Why not {@code SecureRandom} for each id, as {@link UUID#randomUUID()} does: on Linux the JDK's default
 * ({@code NativePRNG}) reads the same file and then mixes every byte with SHA-1 in Java, and that code,
 * run for every message, was among the largest the JIT compiled under an SMTP load run, on a machine
 * where the compiler's queue never empties during the run (docs/benchmarks.md). The kernel's bytes need no
 * mixing. Thread-safe.
 */
public final class RandomBits {
    private static final RandomBits SHARED = new RandomBits("/dev/urandom");

    private final String source;
    private final byte[] block = new byte[4096];
    private int next = block.length;
    private InputStream kernel;
    private SecureRandom fallback;
    private boolean opened;

    /** Bits read from the file {@code source}, or from a {@link SecureRandom} once it can't be read. */
    RandomBits(String source) {
        this.source = source;
    }

    /** The process's one instance: every id of a Behalf draws from it. */
    public static RandomBits shared() {
        return SHARED;
    }

    /** 64 random bits. */
    public synchronized long nextLong() {
        if (next + Long.BYTES > block.length) {
            refill();
        }
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (block[next++] & 0xff);
        }
        return v;
    }

    /** {@code bytes.length} random bytes into {@code bytes}. */
    public synchronized void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (next == block.length) {
                refill();
            }
            bytes[i] = block[next++];
        }
    }

    /** A random (version 4, IETF variant) UUID, as {@link UUID#randomUUID()} makes. */
    public UUID uuid() {
        long high = nextLong();
        long low = nextLong();
        high = (high & ~0xf000L) | 0x4000L;
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private void refill() {
        if (!opened) {
            opened = true;
            try {
                kernel = new FileInputStream(source);
            } catch (IOException | SecurityException e) {
                kernel = null;
            }
        }
        if (kernel != null && readFully(kernel)) {
            next = 0;
            return;
        }
        if (fallback == null) {
            fallback = new SecureRandom();
        }
        fallback.nextBytes(block);
        next = 0;
    }

    /** The whole block from the kernel; false (and the file given up) if it can't be read. */
    private boolean readFully(InputStream in) {
        try {
            int filled = 0;
            while (filled < block.length) {
                int n = in.read(block, filled, block.length - filled);
                if (n < 0) {
                    throw new IOException(source + " ended");
                }
                filled += n;
            }
            return true;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // given up either way
            }
            kernel = null;
            return false;
        }
    }
}
