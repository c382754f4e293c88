package dev.behalf.message;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.behalf.message.HeaderSyntaxException.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link LineRule#firstBreach} searches with {@code String.indexOf}; it must find exactly what a plain loop over
 * every byte finds ({@link #byByte}, the rule as first written), for any bytes and any range of them.
 */
class LineRuleTest {

    /** The rule byte by byte: the first NUL, CR without LF after it, or LF without CR before it. */
    static Optional<LineRule.Breach> byByte(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b == 0) {
                return Optional.of(new LineRule.Breach(Problem.NUL, i));
            }
            if (b == '\r' && (i + 1 >= raw.length || raw[i + 1] != '\n')) {
                return Optional.of(new LineRule.Breach(Problem.BARE_CR, i));
            }
            if (b == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                return Optional.of(new LineRule.Breach(Problem.BARE_LF, i));
            }
        }
        return Optional.empty();
    }

    private static Optional<LineRule.Breach> breach(String text) {
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        return LineRule.firstBreach(raw, 0, raw.length);
    }

    @Test
    void crLfPairsAreTheOnlyLineEnds() {
        assertEquals(Optional.empty(), breach("From: a@b.c\r\n\r\nbody\r\n"));
        assertEquals(Optional.empty(), breach(""));
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_LF, 4)), breach("a\r\nb\nc"));
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_CR, 1)), breach("a\rb\r\n"));
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_CR, 1)), breach("a\r\r\n"), "CR CR LF: the first CR is bare");
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_CR, 2)), breach("ab\r"), "a CR at the very end");
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_LF, 0)), breach("\nab"));
        assertEquals(Optional.of(new LineRule.Breach(Problem.NUL, 3)), breach("a\r\n\0\r"), "the first breach wins");
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_CR, 2)), breach("ab\r\0"), "a CR before a NUL");
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_LF, 6)), breach("ab\r\n\r\n\n\0"), "an LF after a pair");
    }

    @Test
    void aRangeSeesTheBytesAroundIt() {
        byte[] raw = "a\r\nb".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), LineRule.firstBreach(raw, 2, 4), "the LF's CR is before the range");
        assertEquals(Optional.empty(), LineRule.firstBreach(raw, 0, 2), "the CR's LF is after the range");
        assertEquals(Optional.empty(), LineRule.firstBreach(raw, 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> LineRule.firstBreach(raw, 0, 5));
    }

    @Test
    void findsWhatTheByteLoopFinds() {
        Random random = new Random(13);
        byte[] alphabet = {'a', '.', ' ', '\r', '\n', 0, (byte) 0xe9, (byte) 0x8d, (byte) 0x8a};
        for (int n = 0; n < 50_000; n++) {
            byte[] raw = new byte[random.nextInt(40)];
            boolean mostlyPairs = random.nextBoolean();
            for (int i = 0; i < raw.length; i++) {
                raw[i] = alphabet[random.nextInt(mostlyPairs && random.nextInt(8) > 0 ? 3 : alphabet.length)];
                if (mostlyPairs && i + 1 < raw.length && random.nextInt(6) == 0) {
                    raw[i++] = '\r';
                    raw[i] = '\n';
                }
            }
            int from = raw.length == 0 ? 0 : random.nextInt(raw.length + 1);
            int to = from + random.nextInt(raw.length - from + 1);
            assertEquals(byByte(raw, from, to), LineRule.firstBreach(raw, from, to),
                    () -> "bytes " + java.util.Arrays.toString(raw) + " from " + from + " to " + to);
        }
    }

    @Test
    void pairsAndBreachesAcrossTheSearchWindows() {
        int w = LineRule.WINDOW;
        byte[] raw = new byte[3 * w + 10];
        java.util.Arrays.fill(raw, (byte) 'a');
        raw[w - 1] = '\r';
        raw[w] = '\n'; // a pair split between the first two windows
        raw[2 * w - 2] = '\r';
        raw[2 * w - 1] = '\n'; // a pair that ends the second window
        assertEquals(Optional.empty(), LineRule.firstBreach(raw, 0, raw.length));
        raw[2 * w] = '\n'; // an LF opening the third window, after the second's pair: bare
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_LF, 2 * w)), LineRule.firstBreach(raw, 0, raw.length));
        raw[2 * w] = 'a';
        raw[3 * w - 1] = '\r'; // a CR ending the third window, its byte after it not an LF
        assertEquals(Optional.of(new LineRule.Breach(Problem.BARE_CR, 3 * w - 1)), LineRule.firstBreach(raw, 0, raw.length));
        raw[3 * w - 1] = 'a';
        raw[3 * w + 5] = 0;
        assertEquals(Optional.of(new LineRule.Breach(Problem.NUL, 3 * w + 5)), LineRule.firstBreach(raw, 0, raw.length));
        Random random = new Random(12);
        byte[] alphabet = {'a', '\r', '\n', 0};
        for (int n = 0; n < 20; n++) {
            byte[] big = new byte[w + 64];
            java.util.Arrays.fill(big, (byte) 'a');
            for (int i = w - 32; i < w + 32; i++) {
                big[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = random.nextInt(16);
            assertEquals(byByte(big, from, big.length), LineRule.firstBreach(big, from, big.length));
        }
    }

    @FuzzTest(maxDuration = "10s")
    void anyBytes(FuzzedDataProvider data) {
        int from = data.consumeInt(0, 8);
        int cut = data.consumeInt(0, 8);
        byte[] raw = data.consumeRemainingAsBytes();
        int f = Math.min(from, raw.length);
        int t = Math.max(f, raw.length - cut);
        assertEquals(byByte(raw, f, t), LineRule.firstBreach(raw, f, t));
    }
}
