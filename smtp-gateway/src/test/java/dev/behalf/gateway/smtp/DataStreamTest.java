package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;
import org.subethamail.smtp.internal.io.DotTerminatedInputStream;
import org.subethamail.smtp.internal.io.DotUnstuffingInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataStreamTest {

    /** What the session would read: a buffered stream, as SubEthaSMTP's Session.getRawInput() is. */
    private static BufferedInputStream session(byte[] bytes, int bufferSize) {
        return new BufferedInputStream(new ByteArrayInputStream(bytes), bufferSize);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = chunk == 1 ? single(in, buf) : in.read(buf)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static int single(InputStream in, byte[] buf) throws IOException {
        int b = in.read();
        if (b < 0) {
            return -1;
        }
        buf[0] = (byte) b;
        return 1;
    }

    @Test
    void endsAtTheDotLineAndLeavesThePipelinedCommandsInTheSessionInput() throws IOException {
        BufferedInputStream in = session(bytes("Subject: x\r\n\r\nbody\r\n.\r\nMAIL FROM:<a@b>\r\nQUIT\r\n"), 4096);
        assertEquals("Subject: x\r\n\r\nbody\r\n", text(readAll(new DataStream(in), 16 * 1024)));
        assertEquals("MAIL FROM:<a@b>\r\nQUIT\r\n", text(in.readAllBytes()));
    }

    @Test
    void removesTheLeadingDotOfEveryLineIncludingTheFirst() throws IOException {
        BufferedInputStream in = session(bytes("..first\r\n..\r\n...x\r\n.\r\n"), 4096);
        assertEquals(".first\r\n.\r\n..x\r\n", text(readAll(new DataStream(in), 100)));
    }

    @Test
    void anEmptyMessageIsJustTheDotLine() throws IOException {
        BufferedInputStream in = session(bytes(".\r\nQUIT\r\n"), 4096);
        assertEquals("", text(readAll(new DataStream(in), 100)));
        assertEquals("QUIT\r\n", text(in.readAllBytes()));
    }

    @Test
    void aDotLineWithoutCrLfBeforeItOrAfterItDoesNotEndTheData() throws IOException {
        BufferedInputStream in = session(bytes("a.\r\nb\n.\r\nc\r\n.x\r\n.\r\r\n.\r\nrest"), 4096);
        assertEquals("a.\r\nb\n.\r\nc\r\nx\r\n\r\r\n", text(readAll(new DataStream(in), 100)));
        assertEquals("rest", text(in.readAllBytes()));
    }

    @Test
    void aConnectionThatClosesBeforeTheDotIsAnError() {
        DataStream data = new DataStream(session(bytes("Subject: cut\r\n\r\nhalf a mess"), 4096));
        assertThrows(EOFException.class, () -> readAll(data, 100));
    }

    @Test
    void agreesWithSubEthaSmtpsStreamsOnRandomTextAndSplits() throws IOException {
        // Alphabet weighted to the bytes that matter; every read size and session buffer size, so
        // the terminator and stuffed dots fall across block boundaries.
        byte[] alphabet = bytes("..\r\r\n\n\nabc");
        Random random = new Random(20261129);
        for (int run = 0; run < 3000; run++) {
            byte[] body = new byte[random.nextInt(300)];
            for (int i = 0; i < body.length; i++) {
                body[i] = alphabet[random.nextInt(alphabet.length)];
            }
            // The stock streams do not unstuff the first line; start with a letter so both agree.
            byte[] message = concat(bytes("x"), body, bytes("\r\n.\r\nNEXT"));
            int bufferSize = 1 + random.nextInt(64);
            int chunk = 1 + random.nextInt(40);

            BufferedInputStream stockIn = session(message, 8192);
            byte[] expected = readAll(new DotUnstuffingInputStream(new DotTerminatedInputStream(stockIn)), 1);
            byte[] expectedRest = stockIn.readAllBytes();

            BufferedInputStream oursIn = session(message, bufferSize);
            byte[] actual = readAll(new DataStream(oursIn), chunk);
            String what = "run " + run + " on " + Arrays.toString(message);
            assertArrayEquals(expected, actual, what);
            assertArrayEquals(expectedRest, oursIn.readAllBytes(), what);
        }
    }

    @Test
    void aLargeMessageArrivesWholeWhateverTheReadSize() throws IOException {
        StringBuilder body = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append(i % 7 == 0 ? ".." : "").append("line ").append(i).append("\r\n");
            expected.append(i % 7 == 0 ? "." : "").append("line ").append(i).append("\r\n");
        }
        BufferedInputStream in = session(bytes(body + ".\r\nQUIT\r\n"), 4096);
        assertEquals(expected.toString(), text(readAll(new DataStream(in), 16 * 1024)));
        assertEquals("QUIT\r\n", text(in.readAllBytes()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
