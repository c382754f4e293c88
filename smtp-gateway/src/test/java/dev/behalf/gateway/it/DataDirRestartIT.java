package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** With --data-dir, accepted mail and directory changes are back after a restart; refused mail never was. */
class DataDirRestartIT {

    private static Behalf.Builder server(Path data) {
        return Behalf.builder().configDir(DemoDirectory.CONFIG).allPortsEphemeral().dataDir(data);
    }

    private static void send(RunningBehalf b, String login, String from, String to, String subject) throws Exception {
        JakartaMail.send(JakartaMail.smtpSession(b.ports().smtp(), login, Cast.PASSWORD), from, to, subject);
    }

    @Test
    void everyAcceptedMessageAndDirectoryChangeSurvivesARestart(@TempDir Path data) throws Exception {
        List<String> ids;
        try (RunningBehalf b = server(data).start()) {
            assertTrue(b.shell().run("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh").ok());
            for (int i = 0; i < 20; i++) {
                send(b, "terrya", "terrya@contoso.com", "jimh@contoso.com", "persisted " + i);
            }
            send(b, "hollyh", "seanc@contoso.com", "jimh@contoso.com", "on behalf, persisted");
            assertThrows(jakarta.mail.MessagingException.class, () -> send(b, "jimh", "ayla@contoso.com", "jimh@contoso.com", "refused"));
            ids = inbox(b).stream().map(m -> m.id().value()).toList();
            assertEquals(21, ids.size());
        }
        try (RunningBehalf b = server(data).start()) {
            List<MessageSummary> inbox = inbox(b);
            assertEquals(ids, inbox.stream().map(m -> m.id().value()).toList(), "same messages, same ids, same order");
            assertTrue(inbox.stream().noneMatch(m -> m.subject().equals("refused")));
            assertEquals(21, b.store().list(new MailboxKey.Mailbox(id(b, "terrya")), Folders.SENT_ITEMS).size()
                    + b.store().list(new MailboxKey.Mailbox(id(b, "hollyh")), Folders.SENT_ITEMS).size());
            // The decision records came back too: the refusal, and the record behind every stored copy.
            assertEquals(1, b.decisions().query(java.util.Optional.empty(), java.util.Optional.of("Denied"), 10).size());
            assertTrue(inbox.stream().allMatch(m -> m.submissionId().flatMap(b.decisions()::get).isPresent()));
            // The grant made through the shell is still in force: Holly can send on behalf of Sean after the restart.
            send(b, "hollyh", "seanc@contoso.com", "jimh@contoso.com", "after restart");
            assertEquals("SendOnBehalf", b.decisions().last().orElseThrow().outcome());
            assertEquals(22, inbox(b).size());
        }
    }

    @Test
    void aGrantStillPropagatingWhenTheServerStopsStillWaitsAfterTheRestart(@TempDir Path data) throws Exception {
        java.time.Instant start = java.time.Instant.now();
        MovableClock clock = new MovableClock(start);
        try (RunningBehalf b = server(data).clock(clock).propagationDelay(java.time.Duration.ofHours(1)).start()) {
            assertTrue(b.shell().run("Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs -Confirm:$false").ok());
            assertThrows(jakarta.mail.MessagingException.class, () -> send(b, "raymonds", "terrya@contoso.com", "jimh@contoso.com", "too soon"));
        }
        clock.set(start.plus(java.time.Duration.ofMinutes(30)));
        try (RunningBehalf b = server(data).clock(clock).start()) {
            assertThrows(jakarta.mail.MessagingException.class, () -> send(b, "raymonds", "terrya@contoso.com", "jimh@contoso.com", "still too soon"));
            var refused = b.decisions().last().orElseThrow();
            assertEquals("Denied", refused.outcome());
            assertTrue(refused.because().contains("granted, not yet in force: SendAs takes effect at " + start.plus(java.time.Duration.ofHours(1))
                    + " (Add-RecipientPermission -Identity terrya -Trustee raymonds -AccessRights SendAs -Confirm:$false)"), refused.because().toString());
            clock.set(start.plus(java.time.Duration.ofHours(1)));
            send(b, "raymonds", "terrya@contoso.com", "jimh@contoso.com", "in force now");
            assertEquals("SendAs", b.decisions().last().orElseThrow().outcome());
        }
    }

    /** A clock the test sets; the servers read every propagation time from it. */
    private static final class MovableClock extends java.time.Clock {
        private volatile java.time.Instant now;

        MovableClock(java.time.Instant now) {
            this.now = now;
        }

        void set(java.time.Instant at) {
            now = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static dev.behalf.policy.directory.RecipientId id(RunningBehalf b, String identity) {
        var r = b.directory().current().resolve(identity);
        return ((dev.behalf.policy.identity.Resolution.Found) r).recipient().id();
    }

    private static List<MessageSummary> inbox(RunningBehalf b) {
        return b.store().list(new MailboxKey.Mailbox(id(b, "jimh")), Folders.INBOX);
    }
}
