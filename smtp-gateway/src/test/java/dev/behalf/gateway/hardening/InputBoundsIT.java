package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No buffer grows with what a client sends before (or after) it signs in (issue 12.5), against the real
 * jar with a 128 MB heap: each hostile client that once took the server to OutOfMemoryError (a literal
 * of a billion octets, a 39 MB IMAP line, a 60 MB POP3 USER, a 60 MB SMTP line) gets a precise refusal and
 * is disconnected, and after each the server still serves others.
 */
class InputBoundsIT {
    private static final int MB = 1024 * 1024;

    @TempDir
    static Path dir;
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.startWithHeap(dir.resolve("behalf.log"), "-Xmx128m", "--config", DemoDirectory.CONFIG.toString(),
                "--max-connections-per-ip", "3");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            assertFalse(server.output().contains("OutOfMemoryError"), server.output());
            server.close();
        }
    }

    /** Sends {@code head}, then {@code size} bytes of 'x' in 64 KiB writes, until done or refused; returns the first line back. */
    private static String flood(SmtpClient c, String head, long size) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try {
            c.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent < size; sent += chunk.length) {
                c.write(chunk);
            }
            c.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException refusedMidWrite) {
            // The server answered and closed before reading it all; the answer is waiting to be read.
        }
        return c.readLine();
    }

    /** {@link #flood}, then the server must have closed the connection; returns its one line. */
    private static String refusedAndClosed(SmtpClient c, String head, long size) throws IOException {
        String reply = flood(c, head, size);
        assertTrue(c.closedByServer(), "disconnected after " + reply);
        return reply;
    }

    private static SmtpClient connect(int port) throws IOException {
        return new SmtpClient(port, Duration.ofSeconds(30));
    }

    private void serverStillServes() throws IOException {
        try (SmtpClient imap = connect(server.imap)) {
            imap.readLine();
            imap.write("a1 LOGIN jimh\\ayla P@ssw0rd\r\n");
            assertEquals("a1 OK LOGIN completed.", imap.readLine());
        }
        try (SmtpClient smtp = connect(server.smtp)) {
            assertEquals("235 Authentication successful.", smtp.login("terrya", "P@ssw0rd"));
            assertTrue(smtp.transaction("terrya@contoso.com", "jimh@contoso.com", "From: terrya@contoso.com\r\nSubject: s\r\n\r\nb\r\n")
                    .startsWith("250 "));
        }
    }

    @Test
    void anImapLiteralOfABillionOctetsIsRefusedBeforeLogin() throws Exception {
        for (String login : new String[]{"a LOGIN {999999999+}\r\n", "a LOGIN {999999999}\r\n", "a LOGIN ayla {999999999+}\r\n"}) {
            try (SmtpClient c = connect(server.imap)) {
                c.readLine();
                assertEquals("* BYE Literal size too large", refusedAndClosed(c, login, 8 * MB), login);
            }
        }
        serverStillServes();
    }

    @Test
    void a39MegabyteImapLineIsRefusedBeforeAndAfterLogin() throws Exception {
        try (SmtpClient c = connect(server.imap)) {
            c.readLine();
            assertEquals("* BYE Input buffer full, aborting", refusedAndClosed(c, "a LOGIN ", 39L * MB));
        }
        try (SmtpClient c = connect(server.imap)) {
            c.readLine();
            c.write("a1 LOGIN ayla P@ssw0rd\r\n");
            assertEquals("a1 OK LOGIN completed.", c.readLine());
            assertEquals("* BYE Too long argument.", refusedAndClosed(c, "a2 SEARCH SUBJECT ", 39L * MB));
        }
        serverStillServes();
    }

    @Test
    void a60MegabytePop3UserLineIsRefused() throws Exception {
        try (SmtpClient c = connect(server.pop3)) {
            c.readLine();
            assertEquals("-ERR Input buffer full, aborting", refusedAndClosed(c, "USER ", 60L * MB));
        }
        serverStillServes();
    }

    @Test
    void a60MegabyteSmtpLineIsRefusedBeforeAuthAndInsideIt() throws Exception {
        try (SmtpClient c = connect(server.smtp)) {
            c.reply();
            assertEquals("501 Input line length is too long!", refusedAndClosed(c, "EHLO ", 60L * MB));
        }
        try (SmtpClient c = connect(server.smtp)) {
            c.reply();
            c.reply("EHLO hostile");
            assertEquals("334 VXNlcm5hbWU6", c.send("AUTH LOGIN"));
            assertEquals("501 Input line length is too long!", refusedAndClosed(c, "", 60L * MB));
        }
        serverStillServes();
    }

    /**
     * An AUTH line may be longer than an SMTP line, up to RFC 4954's 12,288 octets (an OAuth2 token needs
     * it), and no longer: beyond that it is refused like any long line, and a client can't name another
     * connection's kept response by sending the stand-in Behalf puts in its place.
     */
    @Test
    void anAuthLineIsBoundedAtRfc4954sLimitAndItsStandInReadsAsNothing() throws Exception {
        try (SmtpClient c = connect(server.smtp)) {
            c.reply();
            c.reply("EHLO hostile");
            assertEquals("501 Input line length is too long!", refusedAndClosed(c, "AUTH XOAUTH2 ", 60L * MB));
        }
        try (SmtpClient c = connect(server.smtp)) {
            c.reply();
            c.reply("EHLO hostile");
            // Past 998 characters but within 12,288: read whole, and decided as the token it is (a forged one).
            String junk = java.util.Base64.getEncoder().encodeToString(("user=ayla@contoso.com\u0001auth=Bearer "
                    + "eyJ" + "x".repeat(4000) + "\u0001\u0001").getBytes(StandardCharsets.US_ASCII));
            String decided = c.send("AUTH XOAUTH2 " + junk);
            assertTrue(decided.startsWith("535 5.7.3 "), "a 5,000-character AUTH line is decided: " + decided);
            assertTrue(c.send("AUTH PLAIN *behalf-long-auth-response*").startsWith("5"), "the stand-in is no credential");
            assertTrue(c.send("MAIL FROM:<terrya@contoso.com>").startsWith("530 "), "still not signed in");
        }
        for (boolean initial : new boolean[]{true, false}) {
            try (SmtpClient c = connect(server.smtp)) {
                c.reply();
                c.reply("EHLO hostile");
                // AUTH LOGIN's second response, the password, may be as long as the first.
                String user = java.util.Base64.getEncoder().encodeToString("terrya".getBytes(StandardCharsets.US_ASCII));
                String password = java.util.Base64.getEncoder().encodeToString("p".repeat(1200).getBytes(StandardCharsets.US_ASCII));
                String asked = initial ? c.send("AUTH LOGIN " + user) : c.send("AUTH LOGIN") + " " + c.send(user);
                assertTrue(asked.endsWith("334 UGFzc3dvcmQ6"), asked);
                String decided = c.send(password);
                assertTrue(decided.startsWith("535 5.7.3 "), "a 1,600-character LOGIN password is decided: " + decided);
                assertTrue(c.send("MAIL FROM:<terrya@contoso.com>").startsWith("530 "), "not signed in");
            }
        }
        serverStillServes();
    }

    @Test
    void theConnectionCapsOptionReachesImapAndPop3() throws Exception {
        SmtpClient[] held = {connect(server.imap), connect(server.imap), connect(server.imap)};
        try {
            for (SmtpClient c : held) {
                assertTrue(c.readLine().startsWith("* OK "));
            }
            try (SmtpClient fourth = connect(server.imap)) {
                assertEquals("* BYE [LIMIT] Maximum number of connections from IP exceeded (--max-connections-per-ip=3)", fourth.readLine());
            }
        } finally {
            for (SmtpClient c : held) {
                c.close();
            }
        }
    }
}
