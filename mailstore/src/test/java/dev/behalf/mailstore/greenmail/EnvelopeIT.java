package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ENVELOPE over a real socket, read raw and by Jakarta Mail's IMAP client (which builds its From, Sender,
 * Reply-To, recipients, subject and sent date from it): a message sent on behalf names the delegate as its
 * Sender and the mailbox as its From and Reply-To, a message without a Date has none (GreenMail gave the time
 * it was received, and these fail with it), and a group reaches the client as a group.
 */
class EnvelopeIT extends StartedDemoStore {
    private static final String ON_BEHALF = "From: Ayla Kol <ayla@contoso.com>\r\n"
            + "Sender: Jim Hance <jimh@contoso.com>\r\n"
            + "To: Team: terrya@contoso.com, Raymond <raymonds@contoso.com>;\r\n"
            + "Subject: on behalf\r\n"
            + "Message-ID: <behalf-1@contoso.com>\r\n"
            + "\r\n"
            + "no Date header\r\n";

    @Test
    void aMessageSentOnBehalfReadsAsSentOnBehalfAndWithoutADate() throws Exception {
        store.deliver(Demo.delivery(ON_BEHALF.getBytes(StandardCharsets.US_ASCII), Placement.inbox(ayla)));
        try (RawImap raw = inboxExamined()) {
            String reply = raw.command("FETCH 1 ENVELOPE");
            assertTrue(reply.startsWith("* 1 FETCH (ENVELOPE (NIL \"on behalf\" ((\"Ayla Kol\" NIL \"ayla\" \"contoso.com\")) "
                    + "((\"Jim Hance\" NIL \"jimh\" \"contoso.com\")) ((\"Ayla Kol\" NIL \"ayla\" \"contoso.com\")) "
                    + "((NIL NIL \"Team\" NIL)(NIL NIL \"terrya\" \"contoso.com\")(\"Raymond\" NIL \"raymonds\" \"contoso.com\")"
                    + "(NIL NIL NIL NIL)) NIL NIL NIL \"<behalf-1@contoso.com>\"))"), reply);
        }
        Store imap = Clients.imap(store, "ayla", Cast.PASSWORD);
        try {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message m = inbox.getMessage(1);
            assertNull(m.getSentDate());
            assertEquals("on behalf", m.getSubject());
            assertArrayEquals(new Address[]{new InternetAddress("ayla@contoso.com", "Ayla Kol")}, m.getFrom());
            assertArrayEquals(new Address[]{new InternetAddress("ayla@contoso.com", "Ayla Kol")}, m.getReplyTo());
            assertEquals(new InternetAddress("jimh@contoso.com", "Jim Hance"), ((jakarta.mail.internet.MimeMessage) m).getSender());
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            assertEquals(1, to.length);
            InternetAddress team = (InternetAddress) to[0];
            assertTrue(team.isGroup(), team.toString());
            InternetAddress[] members = team.getGroup(false);
            assertEquals("terrya@contoso.com", members[0].getAddress());
            assertEquals(new InternetAddress("raymonds@contoso.com", "Raymond"), members[1]);
            inbox.close(false);
        } finally {
            imap.close();
        }
    }

    @Test
    void searchFindsAMessageByTheAddressesItsEnvelopeShows() throws Exception {
        // Unbalanced quotes: Jakarta Mail's strict reading (MimeMessage's default) refuses both fields, the policy's and
        // ENVELOPE's reads ayla@contoso.com and terrya@contoso.com.
        String m = "From: \"Ayla <ayla@contoso.com>\r\nTo: terrya@contoso.com, \"broken <raymonds@contoso.com>\r\n"
                + "Subject: loose\r\n\r\nx\r\n";
        String toGroup = "From: ayla@contoso.com\r\nTo: Team: jimh@contoso.com, \"R\" <raymonds@contoso.com>;\r\n"
                + "Subject: group\r\n\r\nx\r\n";
        store.deliver(Demo.delivery(m.getBytes(StandardCharsets.US_ASCII), Placement.inbox(ayla)));
        store.deliver(Demo.delivery(toGroup.getBytes(StandardCharsets.US_ASCII), Placement.inbox(ayla)));
        try (RawImap raw = inboxExamined()) {
            String envelope = raw.command("FETCH 1 ENVELOPE");
            assertTrue(envelope.contains(" NIL \"ayla\" \"contoso.com\")) ") && envelope.contains("(NIL NIL \"terrya\" \"contoso.com\")"),
                    envelope);
            assertTrue(raw.command("SEARCH FROM ayla@contoso.com").startsWith("* SEARCH 1 2\r\n"), "SEARCH FROM");
            assertTrue(raw.command("SEARCH TO terrya@contoso.com").startsWith("* SEARCH 1\r\n"), "SEARCH TO");
            assertTrue(raw.command("SEARCH FROM terrya@contoso.com").startsWith("* SEARCH\r\n"), "SEARCH FROM someone else");
            // A group's members, which ENVELOPE lists, are found by SEARCH TO too (it compared the group as one address).
            assertTrue(raw.command("FETCH 2 ENVELOPE").contains("((NIL NIL \"Team\" NIL)(NIL NIL \"jimh\" \"contoso.com\")"));
            assertTrue(raw.command("SEARCH TO jimh@contoso.com").startsWith("* SEARCH 2\r\n"), "SEARCH TO a member");
            // Raymond is in both: the first message's unbalanced quote, the second's group.
            String both = raw.command("SEARCH TO raymonds@contoso.com");
            assertTrue(both.startsWith("* SEARCH 1 2\r\n"), both);
        }
    }

    /** A raw IMAP session signed in to Ayla's box, its INBOX examined. */
    private RawImap inboxExamined() throws java.io.IOException {
        RawImap raw = new RawImap(store.imapPort());
        assertTrue(raw.command("LOGIN ayla " + Cast.PASSWORD).contains("OK"));
        assertTrue(raw.command("EXAMINE INBOX").contains("OK"));
        return raw;
    }
}
