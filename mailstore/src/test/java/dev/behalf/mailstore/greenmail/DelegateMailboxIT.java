package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Full Access delegate works in the mailbox over IMAP; the store's API sees every change. */
class DelegateMailboxIT extends StartedDemoStore {
    private MessageSummary deliver(String subject, Placement placement) {
        return store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", subject), placement)).get(0);
    }

    private static Message bySubject(Folder folder, String subject) throws Exception {
        for (Message m : folder.getMessages()) {
            if (!m.isExpunged() && subject.equals(m.getSubject())) {
                return m;
            }
        }
        throw new AssertionError("no message '" + subject + "' in " + folder.getFullName());
    }

    @Test
    void aDelegateSeesEveryFolderAndCanReadFlagMoveAndDelete() throws Exception {
        MessageSummary one = deliver("one", Placement.inbox(ayla));
        deliver("two", Placement.inbox(ayla));
        MessageSummary three = deliver("three", Placement.inbox(ayla));
        deliver("sent", Placement.sentItems(ayla));
        List<StoreEvent> events = new CopyOnWriteArrayList<>();
        store.subscribe(events::add);

        try (Store imap = Clients.imap(store, "jimh\\ayla", Cast.PASSWORD)) {
            List<String> folders = Arrays.stream(imap.getDefaultFolder().list("*")).map(Folder::getFullName).toList();
            assertEquals(List.of("INBOX", "Sent Items"), folders);

            IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(3, inbox.getMessageCount());
            assertTrue(((String) bySubject(inbox, "one").getContent()).startsWith("Hello from the tests."));
            bySubject(inbox, "three").setFlag(Flags.Flag.FLAGGED, true);
            inbox.moveMessages(new Message[]{bySubject(inbox, "one")}, imap.getFolder(Folders.SENT_ITEMS));
            bySubject(inbox, "two").setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
            inbox.close(false);

            Folder sent = imap.getFolder(Folders.SENT_ITEMS);
            sent.open(Folder.READ_ONLY);
            assertEquals(2, sent.getMessageCount());
            sent.close(false);
        }

        assertEquals(List.of(three.id()), store.list(ayla, Folders.INBOX).stream().map(MessageSummary::id).toList());
        List<MessageSummary> sent = store.list(ayla, Folders.SENT_ITEMS);
        MessageSummary moved = sent.stream().filter(s -> s.subject().equals("one")).findFirst().orElseThrow();
        assertEquals(one.id(), moved.id(), "a moved message keeps its id");
        assertTrue(moved.seen(), "reading it set \\Seen");
        assertFalse(store.list(ayla, Folders.INBOX).get(0).seen());
        assertTrue(events.stream().anyMatch(e -> e instanceof StoreEvent.Deleted d && d.mailbox().equals(ayla)));
    }

    @Test
    void mailAppendedByADelegateGetsAnIdAndASummary() throws Exception {
        try (Store imap = Clients.imap(store, "jimh\\ayla", Cast.PASSWORD)) {
            Folder drafts = imap.getFolder("Drafts");
            assertTrue(drafts.create(Folder.HOLDS_MESSAGES));
            jakarta.mail.internet.MimeMessage draft = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
            draft.setFrom("Ayla Kol <ayla@contoso.com>");
            draft.setSubject("draft reply");
            draft.setText("not sent yet");
            draft.setFlag(Flags.Flag.DRAFT, true);
            drafts.appendMessages(new Message[]{draft});
        }
        List<MessageSummary> drafts = store.list(ayla, "Drafts");
        assertEquals(1, drafts.size());
        assertEquals("draft reply", drafts.get(0).subject());
        assertEquals("Ayla Kol <ayla@contoso.com>", drafts.get(0).from());
        assertTrue(store.fetch(drafts.get(0).id()).isPresent());
        assertTrue(store.mailboxes().stream().filter(b -> b.key().equals(ayla)).findFirst().orElseThrow()
                .folders().stream().anyMatch(f -> f.name().equals("Drafts") && f.messages() == 1));
    }

    @Test
    void deliveriesAndApiDeletesReachAnOpenSession() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN \"jimh\\\\ayla\" " + Cast.PASSWORD));
            assertTrue(t.imap("a2", "SELECT INBOX").contains("* 0 EXISTS"));
            deliver("live", Placement.inbox(ayla));
            assertTrue(t.imap("a3", "NOOP").contains("* 1 EXISTS"));
            store.delete(store.list(ayla, Folders.INBOX).get(0).id());
            assertTrue(t.imap("a4", "NOOP").contains("* 1 EXPUNGE"));
        }
    }

    @Test
    void anIdleSessionHearsADeliveryAsItHappens() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD));
            t.imap("a2", "SELECT INBOX");
            t.send("a3 IDLE");
            assertTrue(t.line().startsWith("+"));
            // Written to this session by the delivering thread (GreenMail's IDLE listener), not by the session.
            deliver("while idle", Placement.inbox(ayla));
            assertEquals("* 1 EXISTS", t.line());
            t.send("DONE");
            String done = t.line();
            while (done.startsWith("* ")) {
                done = t.line();
            }
            assertEquals("a3 OK IDLE completed.", done);
            assertEquals(1, store.list(ayla, Folders.INBOX).size());
        }
    }

    @Test
    void idleEndsOnlyWithDoneAndTheSessionGoesOn() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD));
            t.imap("a2", "SELECT INBOX");
            t.send("a3 IDLE");
            assertTrue(t.line().startsWith("+"));
            t.send("STOP");
            assertEquals("a3 BAD IDLE ended by 'STOP'; expected DONE", t.line());
            assertTrue(t.tagged("a4", "NOOP").startsWith("a4 OK"));
        }
    }
}
