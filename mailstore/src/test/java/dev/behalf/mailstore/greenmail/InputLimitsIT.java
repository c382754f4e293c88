package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every buffer a client can grow is bounded (issue 12.5): before sign-in 1 KiB here, after it 4 KiB for a
 * line or literal, 20 KB for an APPEND. Each refusal is Dovecot's text, the client is disconnected, and
 * the next client is served. (The default limits against the real jar with -Xmx128m: smtp-gateway's
 * InputBoundsIT.)
 */
class InputLimitsIT {
    private static final InputLimits SMALL = new InputLimits(1024, 4096, 20_000);

    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void start() {
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).inputLimits(SMALL).build().start();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code bytes} (a failed write is fine: the server may close before reading them all), then reads what came back. */
    private static String refusedAfter(Transcript t, byte[] bytes) throws IOException {
        try {
            t.write(bytes);
        } catch (IOException closedWhileWriting) {
            // The refusal is already on its way; read it below.
        }
        String reply = t.line();
        assertTrue(t.closedByServer(), "disconnected after " + reply);
        return reply;
    }

    private void stillServes() throws IOException {
        try (Transcript next = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", next.tagged("a1", "LOGIN ayla P@ssw0rd"));
        }
    }

    @Test
    void aHugeLiteralBeforeSignInIsRefusedWhenAnnounced() throws Exception {
        for (String literal : List.of("{999999999+}", "{999999999}", "{1025}", "{99999999999999999999999999}")) {
            try (Transcript t = new Transcript(store.imapPort())) {
                assertEquals("* BYE Literal size too large", refusedAfter(t, ascii("a LOGIN " + literal + "\r\n")), literal);
            }
        }
        stillServes();
    }

    @Test
    void aLongCommandLineBeforeSignInIsRefused() throws Exception {
        for (String start : List.of("a LOGIN ", "a ", "", "a NOOP ", "a AUTHENTICATE PLAIN ")) {
            try (Transcript t = new Transcript(store.imapPort())) {
                assertEquals("* BYE Input buffer full, aborting", refusedAfter(t, ascii(start + "x".repeat(200_000) + "\r\n")), start);
            }
        }
        stillServes();
    }

    @Test
    void aLongSaslResponseBeforeSignInIsRefused() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            t.send("a AUTHENTICATE PLAIN");
            assertEquals("+ ", t.line());
            assertEquals("* BYE Input buffer full, aborting", refusedAfter(t, ascii("QUFB".repeat(50_000) + "\r\n")));
        }
        stillServes();
    }

    @Test
    void loginArgumentsAsLiteralsWithinTheLimitSignIn() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            t.send("a LOGIN {9}");
            assertEquals("+ OK", t.line());
            t.write(ascii("jimh\\ayla {8+}\r\nP@ssw0rd\r\n"));
            assertEquals("a OK LOGIN completed.", t.line());
        }
    }

    @Test
    void afterSignInLongerLinesPassUpToTheirOwnLimit() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla P@ssw0rd"));
            assertTrue(t.tagged("a2", "SELECT INBOX").startsWith("a2 OK"));
            String search = "a3 SEARCH OR SUBJECT " + "y".repeat(2000) + " ALL";
            assertEquals("a3 OK SEARCH completed.", t.tagged("a3", search.substring(3)), "2 KB: over the limit before sign-in, under the one after");
            assertEquals("* BYE Too long argument.", refusedAfter(t, ascii("a4 SEARCH SUBJECT " + "z".repeat(10_000) + "\r\n")));
        }
        stillServes();
    }

    @Test
    void afterSignInALiteralOtherThanAnAppendsIsBoundedToo() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla P@ssw0rd"));
            assertTrue(t.tagged("a2", "SELECT INBOX").startsWith("a2 OK"));
            assertEquals("* BYE Literal size too large", refusedAfter(t, ascii("a3 SEARCH SUBJECT {5000+}\r\n")));
        }
        stillServes();
    }

    @Test
    void anAppendMayCarryAMessageUpToItsLimit() throws Exception {
        String body = "From: ayla@contoso.com\r\nSubject: big\r\n\r\n" + "b".repeat(10_000) + "\r\n";
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla P@ssw0rd"));
            t.write(ascii("a2 APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n"));
            String reply = t.line();
            assertTrue(reply.startsWith("a2 OK"), reply);
            assertEquals("* BYE [TOOBIG] Literal size too large", refusedAfter(t, ascii("a3 APPEND INBOX {20001+}\r\n")));
        }
        stillServes();
    }

    @Test
    void aLongPop3LineIsRefusedBeforeAndAfterSignIn() throws Exception {
        for (String start : List.of("USER ", "PASS ", "AUTH PLAIN ", "")) {
            try (Transcript t = new Transcript(store.pop3Port())) {
                assertEquals("-ERR Input buffer full, aborting", refusedAfter(t, ascii(start + "u".repeat(200_000) + "\r\n")), start);
            }
        }
        try (Transcript t = new Transcript(store.pop3Port())) {
            assertEquals("+OK", t.pop3("USER ayla"));
            assertEquals("+OK", t.pop3("PASS P@ssw0rd"));
            assertEquals("-ERR Command not recognized", t.pop3("X" + "y".repeat(2000)), "2 KB is fine after sign-in");
            assertEquals("-ERR Input buffer full, aborting", refusedAfter(t, ascii("NOOP " + "n".repeat(10_000) + "\r\n")));
        }
        try (Transcript t = new Transcript(store.pop3Port())) {
            assertEquals("+ ", t.pop3("AUTH PLAIN"));
            assertEquals("+OK", t.pop3(Base64.getEncoder().encodeToString(ascii("\0ayla\0P@ssw0rd"))));
        }
    }
}
