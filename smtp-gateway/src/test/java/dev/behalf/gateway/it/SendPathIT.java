package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.RecipientTypeDetails;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The send path end to end against a real Behalf with Jakarta Mail: every rule of spec §4 as a real
 * client sees it, then read back over IMAP.
 */
class SendPathIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @Test
    void selfSendIsDeliveredUnchangedAndCopiedToSentItems() throws Exception {
        JakartaMail.send(behalf.session("terrya"), "Terry Adams <terrya@contoso.com>", "jimh@contoso.com", "self send");
        MimeMessage m = behalf.awaitMessage("jimh", "self send");
        assertEquals("Terry Adams <terrya@contoso.com>", m.getHeader("From", ","));
        assertNull(m.getHeader("Sender"));
        assertNotNull(m.getHeader("Received"));
        assertEquals("<terrya@contoso.com>", m.getHeader("Return-Path", ","));
        assertEquals("Self", behalf.lastDecision().orElseThrow().outcome());
        var terry = behalf.recipient("terrya");
        assertEquals(1, behalf.server().store().list(new MailboxKey.Mailbox(terry.id()), Folders.SENT_ITEMS).size());
    }

    @Test
    void sendAsLeavesNoTraceOfTheDelegate() throws Exception {
        // Demo grant: Pilar Pinilla holds Send As on James Alvord.
        var session = behalf.session("pilarp");
        MimeMessage out = JakartaMail.message(session, "James Alvord <jamesa@contoso.com>", "jimh@contoso.com", "send as");
        out.setSender(new InternetAddress("pilarp@contoso.com"));
        jakarta.mail.Transport.send(out);
        MimeMessage m = behalf.awaitMessage("jimh", "send as");
        behalf.assertSentAs(m, "jamesa");
        assertNull(m.getHeader("Sender"), "a client Sender must be removed for Send As");
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals("SendAs", d.outcome());
        assertEquals("Pilar Pinilla holds Send As on James Alvord", d.because().get(0));
    }

    @Test
    void sendOnBehalfOfAGroupStampsSenderAndReachesEveryMember() throws Exception {
        // Demo grant: Administrator is in All Employees' GrantSendOnBehalfTo.
        JakartaMail.send(behalf.session("administrator"), "All Employees <allemployees@contoso.com>", "allemployees@contoso.com",
                "on behalf of everyone");
        MimeMessage m = behalf.awaitMessage("yanli", "on behalf of everyone");
        behalf.assertSentOnBehalf(m, "administrator", "allemployees");
        assertEquals("Administrator <administrator@contoso.com>", m.getHeader("Sender", ","));
        long userMailboxes = behalf.server().directory().current().recipients().stream()
                .filter(r -> r.type() == RecipientTypeDetails.UserMailbox).count();
        DecisionRecord d = behalf.lastDecision().orElseThrow();
        assertEquals("SendOnBehalf", d.outcome());
        assertEquals(userMailboxes + 1, d.reached().size(), "every user mailbox's Inbox plus the delegate's Sent Items: " + d.reached());
    }

    @Test
    void repliesToASendOnBehalfMessageGoToTheMailboxNotTheDelegate() throws Exception {
        JakartaMail.send(behalf.session("administrator"), "allemployees@contoso.com", "jimh@contoso.com", "reply target");
        MimeMessage m = behalf.awaitMessage("jimh", "reply target");
        Address[] replyTo = ((MimeMessage) m.reply(false)).getRecipients(Message.RecipientType.TO);
        assertEquals("allemployees@contoso.com", ((InternetAddress) replyTo[0]).getAddress());
    }

    @Test
    void fullAccessAloneIsRefusedWith5_7_60AndNothingIsStored() throws Exception {
        // Demo grant: Jim Hance holds Full Access on Ayla Kol's mailbox, which does not allow sending.
        DecisionRecord d = behalf.assertRefused(() -> JakartaMail.send(behalf.session("jimh"), "ayla@contoso.com", "terrya@contoso.com", "full access"));
        assertEquals("Denied", d.outcome());
        assertEquals("FULL_ACCESS_ONLY", d.grants().get(0).reason());
        assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender", d.reply());
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("terrya").id()), Folders.INBOX).isEmpty());
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.SENT_ITEMS).isEmpty());
    }

    @Test
    void aForeignFromIsRefused() {
        DecisionRecord d = behalf.assertRefused(() -> JakartaMail.send(behalf.session("terrya"), "ceo@fabrikam.com", "jimh@contoso.com", "spoof"));
        assertEquals("UNKNOWN_FROM", d.grants().get(0).reason());
    }

    @Test
    void aHiddenMailboxCanNotBeSentFrom() {
        DecisionRecord d = behalf.assertRefused(() -> JakartaMail.send(behalf.session("estherv"),
                "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}@contoso.com", "jimh@contoso.com", "hidden"));
        assertEquals("HIDDEN_FROM", d.grants().get(0).reason());
    }

    @Test
    void aMailUserMemberOfAGroupIsCapturedNotRelayed() throws Exception {
        JakartaMail.send(behalf.session("terrya"), "terrya@contoso.com", "sales@contoso.com", "sales update");
        behalf.awaitMessage("felipea", "sales update");
        MimeMessage captured = behalf.awaitExternal("lee.gu@fabrikam.com", "sales update");
        assertEquals("terrya@contoso.com", ((InternetAddress) captured.getFrom()[0]).getAddress());
    }

    @Test
    void ownersReadTheirMailOverImapWithJakartaMail() throws Exception {
        JakartaMail.send(behalf.session("terrya"), "terrya@contoso.com", "jimh@contoso.com", "imap readback");
        behalf.awaitMessage("jimh", "imap readback");
        Store store = behalf.session("jimh").getStore("imap");
        store.connect("jimh@contoso.com", "P@ssw0rd");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Set<String> subjects = Arrays.stream(inbox.getMessages()).map(m -> {
                try {
                    return m.getSubject();
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError(e);
                }
            }).collect(Collectors.toSet());
            assertTrue(subjects.contains("imap readback"), subjects.toString());
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void sendAsWinsOverSendOnBehalfWhenTheDelegateHoldsBoth() throws Exception {
        behalf.shell("Set-Mailbox -Identity jamesa -GrantSendOnBehalfTo pilarp");   // Pilar already holds Send As on James
        JakartaMail.send(behalf.session("pilarp"), "jamesa@contoso.com", "jimh@contoso.com", "both rights");
        behalf.assertSentAs(behalf.awaitMessage("jimh", "both rights"), "jamesa");
        assertEquals("SendAs", behalf.lastDecision().orElseThrow().outcome());
    }

    @Test
    void messageCopyFlagsPutACopyInTheFromMailboxsSentItems() throws Exception {
        behalf.shell("Set-Mailbox -Identity jamesa -MessageCopyForSentAsEnabled $true");
        behalf.shell("Set-Mailbox -Identity seanc -GrantSendOnBehalfTo hollyh -MessageCopyForSendOnBehalfEnabled $true");
        JakartaMail.send(behalf.session("pilarp"), "jamesa@contoso.com", "jimh@contoso.com", "copy as");
        JakartaMail.send(behalf.session("hollyh"), "seanc@contoso.com", "jimh@contoso.com", "copy on behalf");
        JakartaMail.send(behalf.session("karent"), "yanli@contoso.com", "jimh@contoso.com", "no copy");   // Send As, flag off
        assertEquals(java.util.List.of("copy as"), sentItems("jamesa"));
        assertEquals(java.util.List.of("copy on behalf"), sentItems("seanc"));
        assertEquals(java.util.List.of(), sentItems("yanli"));
        assertEquals(java.util.List.of("no copy"), sentItems("karent"), "the delegate always gets its own copy");
    }

    private static java.util.List<String> sentItems(String who) {
        return behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient(who).id()), Folders.SENT_ITEMS).stream()
                .map(m -> m.subject()).toList();
    }
}
