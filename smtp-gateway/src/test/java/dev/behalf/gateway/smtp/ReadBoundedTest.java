package dev.behalf.gateway.smtp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DATA read into an array sized from SIZE= (or grown): every byte kept up to the limit, and always read to the end. */
class ReadBoundedTest {

    @ParameterizedTest(name = "{0} bytes, SIZE={1}, limit {2}")
    @CsvSource({
            "0, -1, 1024", "1, -1, 1024", "2504, -1, 35000000", "8192, -1, 35000000", "8193, -1, 35000000",
            "100000, -1, 35000000", "2504, 2504, 35000000", "2504, 2000, 35000000", "2504, 9000, 35000000",
            "2504, 0, 35000000", "2000000, 2000000, 35000000", "1024, -1, 1024", "1024, 1024, 1024",
            "1025, -1, 1024", "1025, 1025, 1024", "50000, 100, 20000", "50000, 40000000, 20000"})
    void keepsEveryByteUpToTheLimitAndReadsToTheEnd(int length, long declared, int max) throws IOException {
        byte[] message = new byte[length];
        new SplittableRandom(length).nextBytes(message);
        CountingStream in = new CountingStream(message);
        Optional<byte[]> read = DataStep.readBounded(in, max, declared < 0 ? OptionalLong.empty() : OptionalLong.of(declared));
        assertEquals(-1, in.read(), "the stream is read to its end");
        if (length > max) {
            assertTrue(read.isEmpty(), "over the limit");
        } else {
            assertArrayEquals(message, read.orElseThrow());
        }
        long presize = Math.min(Math.max(declared, 0), Math.min(max, DataStep.MAX_PRESIZE));
        long allowed = Math.min(Math.max(8192, Math.max(2L * length, presize)), Math.max(max, 8192));
        assertTrue(in.largestRequest <= allowed, "a buffer of " + in.largestRequest + " bytes; at most " + allowed
                + ": twice the bytes read, or what SIZE claimed within the limit and " + DataStep.MAX_PRESIZE);
    }

    /** Hands out at most 1,000 bytes per read, as a socket does, and records the largest buffer offered. */
    private static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        int largestRequest;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRequest = Math.max(largestRequest, b.length);
            return in.read(b, off, Math.min(len, 1000));
        }
    }
}
