package dev.behalf.gateway.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The filter's reading over a loopback socket: what SubEthaSMTP reads is what the client sent, except a long
 * AUTH response, whatever the sizes of the client's writes and however a line falls across them.
 */
class LongAuthLinesTest {

    /** What the server side reads of {@code sent}, written in pieces of {@code piece} bytes. */
    private static String through(String sent, int piece) throws IOException {
        LongAuthLines lines = new LongAuthLines();
        try (ServerSocket server = lines.serverSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket accepted = server.accept()) {
                byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = client.getOutputStream();
                        for (int i = 0; i < bytes.length; i += piece) {
                            out.write(bytes, i, Math.min(piece, bytes.length - i));
                            out.flush();
                        }
                        client.shutdownOutput();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.start();
                InputStream in = accepted.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buffer = new byte[777];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    got.write(buffer, 0, n);
                }
                return got.toString(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void shortLinesAndTheMessageAfterMailPassAsSentInAnyPieces() throws IOException {
        String session = "EHLO client\r\nAUTH PLAIN AGFiYwBkZWY=\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\n"
                + "AUTH PLAIN " + "x".repeat(2000) + "\r\n.\r\nQUIT\r\n";
        for (int piece : new int[]{1, 3, 7, 100, 4096, 100_000}) {
            assertEquals(session, through(session, piece), "pieces of " + piece);
        }
    }

    @Test
    void aLongAuthResponseIsReplacedWhereverItsLineEndFalls() throws IOException {
        String token = "t".repeat(5000);
        for (int piece : new int[]{1, 1000, 4095, 4096, 4097, 100_000}) {
            assertEquals("EHLO c\r\nAUTH XOAUTH2 " + LongAuthLines.MARKER + "\r\nMAIL FROM:<a@b>\r\n",
                    through("EHLO c\r\nAUTH XOAUTH2 " + token + "\r\nMAIL FROM:<a@b>\r\n", piece), "pieces of " + piece);
        }
    }

    @Test
    void aLineAtOrPastAuthsLimitIsHandedOverAsSentAndTheRestPassesThrough() throws IOException {
        for (int extra : new int[]{-2, -1, 0, 1, 2, 3, 4, 50}) {
            String line = "AUTH PLAIN " + "y".repeat(LongAuthLines.AUTH_LIMIT - 11 + extra) + "\r\n";
            String rest = "AUTH PLAIN " + "z".repeat(1500) + "\r\n";
            String marker = "AUTH PLAIN " + LongAuthLines.MARKER + "\r\n";
            // Up to the limit the response is kept; one octet past it the line (its LF still within the
            // AUTH_LIMIT + 3 octets read for a line) goes to SubEthaSMTP to refuse and filtering goes on; longer,
            // the line is handed over unended and everything after it passes through untouched.
            String expected = extra <= 0 ? marker + marker : extra == 1 ? line + marker : line + rest;
            for (int piece : new int[]{1000, 4096, 100_000}) {
                assertEquals(expected, through(line + rest, piece), "a line of " + (line.length() - 2) + " octets, pieces of " + piece);
            }
        }
    }

    @Test
    void loginsPasswordIsAResponseTooWithOrWithoutTheUsernameOnTheAuthLine() throws IOException {
        String user = java.util.Base64.getEncoder().encodeToString("terrya".getBytes(StandardCharsets.US_ASCII));
        String password = "p".repeat(1500);
        String marker = LongAuthLines.MARKER + "\r\n";
        assertEquals("AUTH LOGIN\r\n" + user + "\r\n" + marker + "MAIL FROM:<a@b>\r\n",
                through("AUTH LOGIN\r\n" + user + "\r\n" + password + "\r\nMAIL FROM:<a@b>\r\n", 4096));
        assertEquals("AUTH LOGIN " + user + "\r\n" + marker + "NOOP " + password + "\r\n",
                through("AUTH LOGIN " + user + "\r\n" + password + "\r\nNOOP " + password + "\r\n", 4096));
        // A username that is not base64 ends the exchange: the next line is a command, left to SubEthaSMTP.
        assertEquals("AUTH LOGIN\r\n!!\r\nNOOP " + password + "\r\n", through("AUTH LOGIN\r\n!!\r\nNOOP " + password + "\r\n", 4096));
        // PLAIN with its response on the line has no response lines after it.
        assertEquals("AUTH PLAIN AGEAYg==\r\nNOOP " + password + "\r\n", through("AUTH PLAIN AGEAYg==\r\nNOOP " + password + "\r\n", 4096));
    }
}
