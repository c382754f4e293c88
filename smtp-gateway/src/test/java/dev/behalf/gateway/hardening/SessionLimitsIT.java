package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.smtp.SubmissionServer;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.greenmail.GreenMailStore;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Limits on sessions: idle and stalled clients are dropped, and connections past the cap in all or
 * from one address get 421 (the sign-in throttle has its own test, SignInThrottleIT). Each test has its own server, so a
 * throttle or a cap never leaks into another test.
 */
class SessionLimitsIT {
    private static final String TIMEOUT = "421 Timeout waiting for data from client.";

    private static RunningBehalf start(Duration idle) {
        return Behalf.builder().configDir(DemoDirectory.CONFIG).allPortsEphemeral().idleTimeout(idle).start();
    }

    private static int stored(RunningBehalf b) {
        return b.store().mailboxes().stream().flatMap(m -> m.folders().stream()).mapToInt(MailboxSummary.FolderSummary::messages).sum();
    }

    private static void assertSends(int port, String login) throws Exception {
        try (SmtpClient s = new SmtpClient(port)) {
            assertEquals("235 Authentication successful.", s.login(login, "P@ssw0rd"));
            String reply = s.transaction(login + "@contoso.com", "jimh@contoso.com", "From: " + login + "@contoso.com\r\nSubject: ok\r\n\r\nok\r\n");
            assertTrue(reply.startsWith("250 2.6.0 "), reply);
        }
    }

    @Test
    void aClientTricklingDataInsideTheIdleTimeoutIsCutOffAtTheSessionDeadline() throws Exception {
        try (RunningBehalf b = Behalf.builder().configDir(DemoDirectory.CONFIG).allPortsEphemeral()
                .idleTimeout(Duration.ofSeconds(1)).sessionTimeout(Duration.ofSeconds(2)).start()) {
            int port = b.ports().smtp();
            long started = System.nanoTime();
            try (SmtpClient slow = new SmtpClient(port)) {
                slow.login("terrya", "P@ssw0rd");
                slow.send("MAIL FROM:<terrya@contoso.com>");
                slow.send("RCPT TO:<jimh@contoso.com>");
                assertTrue(slow.send("DATA").startsWith("354 "));
                slow.write("From: terrya@contoso.com\r\nSubject: trickled\r\n\r\n");
                // A byte every 200 ms: never idle for the 1 s idle timeout. Bounded: 50 bytes at most.
                String reply = null;
                for (int i = 0; i < 50 && reply == null; i++) {
                    Thread.sleep(200);
                    try {
                        slow.write("x");
                    } catch (java.io.IOException closed) {
                        break;
                    }
                    reply = slow.replyIfAny();
                }
                if (reply == null) {
                    reply = slow.reply();
                }
                assertEquals("421 4.4.1 Connection timed out. Total session duration: 00:00:02", reply);
                assertTrue(slow.closedByServer());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 8, "cut off at the 2 s deadline, not by the idle timeout or the loop's end: " + seconds + " s");
            assertEquals(0, stored(b), "nothing of the cut-off transaction is stored");
            assertEquals(0, b.decisions().total(), "nor decided");
            assertSends(port, "terrya");
        }
    }

    @Test
    void idleAndStalledClientsAreDroppedWithoutStoringAnythingAndTheServerServesOn() throws Exception {
        try (RunningBehalf b = start(Duration.ofSeconds(1))) {
            int port = b.ports().smtp();
            try (SmtpClient idle = new SmtpClient(port)) {
                assertTrue(idle.reply().startsWith("220 "));
                assertEquals(TIMEOUT, idle.reply(), "silent after the greeting");
                assertTrue(idle.closedByServer());
            }
            try (SmtpClient partial = new SmtpClient(port)) {
                partial.login("terrya", "P@ssw0rd");
                partial.write("MAIL FROM:<terrya@con");
                assertEquals(TIMEOUT, partial.reply(), "stalled mid-command");
                assertTrue(partial.closedByServer());
            }
            try (SmtpClient stalled = new SmtpClient(port)) {
                stalled.login("terrya", "P@ssw0rd");
                stalled.send("MAIL FROM:<terrya@contoso.com>");
                stalled.send("RCPT TO:<jimh@contoso.com>");
                assertTrue(stalled.send("DATA").startsWith("354 "));
                stalled.write("From: terrya@contoso.com\r\nSubject: stalled\r\n\r\nhalf a mess");
                assertEquals(TIMEOUT, stalled.reply(), "stalled mid-DATA");
                assertTrue(stalled.closedByServer());
            }
            assertEquals(0, stored(b), "nothing of a dropped transaction is stored");
            assertEquals(0, b.decisions().total(), "nor decided");
            assertSends(port, "terrya");
        }
    }

    private static SmtpClient from(int port, int lastOctet) throws Exception {
        return new SmtpClient(port, Duration.ofSeconds(30), InetAddress.getByAddress(new byte[]{127, 0, 0, (byte) lastOctet}));
    }

    @Test
    void connectionsPastEitherCapGetExchanges421_4_3_2AndASlotFreesWhenOneCloses() throws Exception {
        LiveDirectory live = DemoDirectory.live();
        try (GreenMailStore store = GreenMailStore.builder(live).build();
             SubmissionServer smtp = Submission.over(live, store).maxConnections(3).maxConnectionsPerIp(2).build()) {
            smtp.start();
            List<SmtpClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    SmtpClient c = from(smtp.port(), 1);
                    assertEquals("220 localhost ESMTP Behalf", c.reply());
                    open.add(c);
                }
                try (SmtpClient third = from(smtp.port(), 1)) {
                    assertEquals("421 4.3.2 The maximum number of concurrent server connections has exceeded a per-source limit, "
                            + "closing transmission channel", third.reply());
                    assertTrue(third.closedByServer());
                }
                SmtpClient other = from(smtp.port(), 2);
                open.add(other);
                assertEquals("220 localhost ESMTP Behalf", other.reply(), "one client's share leaves room for others");
                try (SmtpClient fourth = from(smtp.port(), 3)) {
                    assertEquals("421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel",
                            fourth.reply());
                    assertTrue(fourth.closedByServer());
                }
                open.remove(0).send("QUIT");
                // The session's end is counted on the server's thread: poll, bounded, until a slot is free.
                String greeting = "";
                for (int attempt = 0; attempt < 200 && !greeting.startsWith("220 "); attempt++) {
                    try (SmtpClient again = from(smtp.port(), 1)) {
                        greeting = again.reply();
                        if (greeting.startsWith("220 ")) {
                            assertEquals("235 Authentication successful.", again.send("AUTH PLAIN " + SmtpClient.plain("", "terrya", "P@ssw0rd")));
                        }
                    }
                }
                assertEquals("220 localhost ESMTP Behalf", greeting);
            } finally {
                for (SmtpClient c : open) {
                    c.close();
                }
            }
        }
    }
}
