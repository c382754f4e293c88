package dev.behalf.policy.random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomBitsTest {

    @Test
    void theBitsAreTheSourceFilesBytesInOrder(@TempDir Path dir) throws IOException {
        byte[] known = new byte[8192];
        for (int i = 0; i < known.length; i++) {
            known[i] = (byte) (i * 7 + 3);
        }
        Path file = dir.resolve("bits");
        Files.write(file, known);
        RandomBits bits = new RandomBits(file.toString());
        long first = 0;
        for (int i = 0; i < 8; i++) {
            first = (first << 8) | (known[i] & 0xff);
        }
        assertEquals(first, bits.nextLong());
        byte[] next = new byte[3];
        bits.nextBytes(next);
        assertEquals(known[8], next[0]);
        assertEquals(known[10], next[2]);
    }

    @Test
    void aSourceThatEndsOrIsMissingGivesWayToSecureRandom(@TempDir Path dir) throws IOException {
        Path shortFile = dir.resolve("short");
        Files.write(shortFile, new byte[100]);
        for (String source : new String[] {shortFile.toString(), dir.resolve("missing").toString()}) {
            RandomBits bits = new RandomBits(source);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                seen.add(bits.nextLong());
            }
            assertEquals(2000, seen.size(), "bits from SecureRandom for " + source + ": no zeros, no repeats");
        }
    }

    @Test
    void uuidsAreVersionFourAndDistinct() {
        RandomBits bits = RandomBits.shared();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            UUID u = bits.uuid();
            assertEquals(4, u.version());
            assertEquals(2, u.variant());
            assertTrue(seen.add(u));
        }
        assertNotEquals(bits.nextLong(), bits.nextLong());
    }
}
