package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.identity.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Microsoft 365 Groups end to end, with Jakarta Mail against a real Behalf on the demo directory's
 * Marketing group (owner Felipe Apodaca; members Raymond Sam, Esther Valle, guest Lee Gu; Raymond Sam
 * may send on its behalf, Esther Valle as it).
 */
class UnifiedGroupIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private List<String> inbox(String mailbox) {
        return behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient(mailbox).id()), Folders.INBOX).stream()
                .map(Object::toString).toList();
    }

    @Test
    void aDelegateSendsOnBehalfOfTheGroupWhichReachesEveryMemberAndTakesTheReplies() throws Exception {
        JakartaMail.send(behalf.session("raymonds"), "Marketing <marketing@contoso.com>", "marketing@contoso.com", "falcon launch");

        for (String member : List.of("estherv", "felipea", "raymonds")) {
            MimeMessage m = behalf.awaitMessage(member, "falcon launch");
            behalf.assertSentOnBehalf(m, "raymonds", "marketing");
            assertEquals("Raymond Sam <raymonds@contoso.com>", m.getHeader("Sender", ","), member);
            Address[] replyTo = ((MimeMessage) m.reply(false)).getRecipients(Message.RecipientType.TO);
            assertEquals("marketing@contoso.com", ((InternetAddress) replyTo[0]).getAddress(), "replies go to the group");
        }
        MimeMessage guest = behalf.awaitExternal("lee.gu@fabrikam.com", "falcon launch");
        assertEquals("marketing@contoso.com", ((InternetAddress) guest.getFrom()[0]).getAddress());
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals("SendOnBehalf", d.outcome());
        assertEquals("Raymond Sam is in GrantSendOnBehalfTo of Marketing", d.because().get(0));
    }

    @Test
    void membersAndOwnersWithoutAGrantAreRefusedLikeAnySendWithoutRight() {
        DecisionRecord none = behalf.assertRefused(() -> JakartaMail.send(behalf.session("terrya"), "raymonds@contoso.com",
                "jimh@contoso.com", "no right at all"));
        DecisionRecord owner = behalf.assertRefused(() -> JakartaMail.send(behalf.session("felipea"), "marketing@contoso.com",
                "jimh@contoso.com", "owner only"));
        DecisionRecord guest = behalf.assertRefused(() -> JakartaMail.send(behalf.session("leeg"), "marketing@contoso.com",
                "marketing@contoso.com", "guest only"));

        for (DecisionRecord d : List.of(owner, guest)) {
            assertEquals(none.reply(), d.reply(), "the same SMTP refusal");
            assertEquals("Denied", d.outcome());
            assertEquals("NO_RIGHT", d.grants().get(0).reason());
            assertEquals(List.of(), d.reached());
        }
        assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender", owner.reply());
        assertTrue(inbox("jimh").isEmpty() && inbox("estherv").isEmpty(), "nothing is delivered");
    }

    @Test
    void sendAsWinsWhenTheDelegateHoldsBoth() throws Exception {
        behalf.shell("Add-RecipientPermission -Identity Marketing -Trustee raymonds -AccessRights SendAs -Confirm:$false");
        MimeMessage out = JakartaMail.message(behalf.session("raymonds"), "Marketing <marketing@contoso.com>", "jimh@contoso.com", "as the group");
        out.setSender(new InternetAddress("raymonds@contoso.com"));
        Transport.send(out);

        MimeMessage m = behalf.awaitMessage("jimh", "as the group");
        behalf.assertSentAs(m, "marketing");
        assertNull(m.getHeader("Sender"), "Send As: no Sender stamp, the client's is removed");
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals("SendAs", d.outcome());
        assertEquals("Raymond Sam holds Send As on Marketing", d.because().get(0));
    }

    @Test
    void aGroupMadeInTheShellIsADelegationTargetAtOnce() throws Exception {
        behalf.shell("New-UnifiedGroup -DisplayName \"Project Falcon\" -Alias falcon -Owner terrya -Members jimh");
        behalf.assertRefused(() -> JakartaMail.send(behalf.session("karent"), "falcon@contoso.com", "falcon@contoso.com", "too early"));
        behalf.shell("Set-UnifiedGroup -Identity falcon -GrantSendOnBehalfTo @{Add=\"karent\"}");

        JakartaMail.send(behalf.session("karent"), "Project Falcon <falcon@contoso.com>", "falcon@contoso.com", "kickoff");
        behalf.assertSentOnBehalf(behalf.awaitMessage("jimh", "kickoff"), "karent", "falcon");
        behalf.assertSentOnBehalf(behalf.awaitMessage("terrya", "kickoff"), "karent", "falcon");
    }

    @Test
    void aGroupMadeInTheShellComesBackFromTheJournalWithItsOwnersAndDelegates(@TempDir Path data) {
        Recipient before;
        try (RunningBehalf b = Behalf.builder().configDir(Path.of("..", "config")).allPortsEphemeral().dataDir(data).start()) {
            assertTrue(b.shell().run("New-UnifiedGroup -DisplayName \"Project Falcon\" -Alias falcon -Owner terrya -Members jimh").ok());
            assertTrue(b.shell().run("Add-UnifiedGroupLinks -Identity falcon -LinkType Owners -Links jimh").ok());
            assertTrue(b.shell().run("Set-UnifiedGroup -Identity falcon -GrantSendOnBehalfTo karent").ok());
            assertTrue(b.shell().run("Add-RecipientPermission -Identity falcon -Trustee sarad -AccessRights SendAs -Confirm:$false").ok());
            before = group(b);
        }
        try (RunningBehalf b = Behalf.builder().configDir(Path.of("..", "config")).allPortsEphemeral().dataDir(data).start()) {
            Recipient after = group(b);
            assertEquals(before, after);
            assertEquals(2, after.owners().size());
            assertEquals(1, after.grantSendOnBehalfTo().size());
            assertEquals(1, after.sendAs().size());
        }
    }

    private static Recipient group(RunningBehalf b) {
        return ((Resolution.Found) b.directory().current().resolve("falcon@contoso.com")).recipient();
    }
}
