package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What IMAP and POP3 clients change in a durable store is still there after a restart. */
class DurableImapIT {
    @TempDir
    Path dir;

    private final LiveDirectory live = DemoDirectory.live();

    private interface Work {
        void run(GreenMailStore store) throws Exception;
    }

    private void session(Work work) throws Exception {
        try (DataDir data = DataDir.open(dir);
             GreenMailStore store = GreenMailStore.builder(live).dataDir(data).imapPort(0).pop3Port(0).build().start()) {
            work.run(store);
        }
    }

    private static Message bySubject(Folder folder, String subject) throws Exception {
        for (Message m : folder.getMessages()) {
            if (!m.isExpunged() && subject.equals(m.getSubject())) {
                return m;
            }
        }
        throw new AssertionError("no message '" + subject + "' in " + folder.getFullName());
    }

    private static Map<String, MessageSummary> bySubject(List<MessageSummary> list) {
        Map<String, MessageSummary> out = new HashMap<>();
        list.forEach(s -> out.put(s.subject(), s));
        return out;
    }

    @Test
    void flagsMovesDeletionsAppendsAndFoldersSurviveARestart() throws Exception {
        MailboxKey ayla = Demo.mailbox(live, "ayla");
        Map<String, MessageId> ids = new HashMap<>();
        session(store -> {
            for (String s : new String[]{"keep", "read", "flag", "move", "delete"}) {
                ids.put(s, store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", s),
                        Placement.inbox(ayla))).get(0).id());
            }
            try (Store imap = Clients.imap(store, "jimh\\ayla", Cast.PASSWORD)) {
                IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                bySubject(inbox, "read").getContent();
                bySubject(inbox, "flag").setFlag(Flags.Flag.FLAGGED, true);
                inbox.moveMessages(new Message[]{bySubject(inbox, "move")}, imap.getFolder(Folders.SENT_ITEMS));
                Folder projects = imap.getFolder("Projects");
                projects.create(Folder.HOLDS_MESSAGES);
                imap.getFolder("Projects.2024").create(Folder.HOLDS_MESSAGES);
                inbox.copyMessages(new Message[]{bySubject(inbox, "keep")}, projects);
                bySubject(inbox, "delete").setFlag(Flags.Flag.DELETED, true);
                inbox.expunge();
                MimeMessage appended = new MimeMessage(Session.getInstance(new Properties()));
                appended.setFrom("ayla@contoso.com");
                appended.setSubject("appended");
                appended.setText("by the delegate");
                inbox.appendMessages(new Message[]{appended});
                inbox.close(false);
                assertTrue(projects.renameTo(imap.getFolder("Archive")));
            }
        });
        session(store -> {
            Map<String, MessageSummary> inbox = bySubject(store.list(ayla, Folders.INBOX));
            assertEquals(java.util.Set.of("keep", "read", "flag", "appended"), inbox.keySet());
            assertEquals(ids.get("keep"), inbox.get("keep").id());
            assertTrue(inbox.get("read").seen());
            assertFalse(inbox.get("keep").seen());
            assertTrue(store.fetch(ids.get("delete")).isEmpty(), "an expunged message does not come back");
            MessageSummary moved = store.list(ayla, Folders.SENT_ITEMS).get(0);
            assertEquals(ids.get("move"), moved.id(), "a moved message keeps its id across the restart");
            List<MessageSummary> archived = store.list(ayla, "Archive");
            assertEquals(List.of("keep"), archived.stream().map(MessageSummary::subject).toList());
            assertNotEquals(ids.get("keep"), archived.get(0).id(), "a copy is a new message");
            MailboxSummary box = store.mailboxes().stream().filter(b -> b.key().equals(ayla)).findFirst().orElseThrow();
            assertEquals(List.of("INBOX", "Sent Items", "Archive", "Archive.2024"),
                    box.folders().stream().map(MailboxSummary.FolderSummary::name).toList());
            try (Store imap = Clients.imap(store, "ayla", Cast.PASSWORD)) {
                Folder f = imap.getFolder("INBOX");
                f.open(Folder.READ_ONLY);
                assertTrue(bySubject(f, "flag").isSet(Flags.Flag.FLAGGED));
                assertTrue(bySubject(f, "read").isSet(Flags.Flag.SEEN));
                assertFalse(bySubject(f, "keep").isSet(Flags.Flag.FLAGGED));
            }
        });
    }

    @Test
    void renamingInboxMovesItsMessagesWithTheirIds() throws Exception {
        MailboxKey ayla = Demo.mailbox(live, "ayla");
        MessageId[] id = new MessageId[1];
        session(store -> {
            id[0] = store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "old"),
                    Placement.inbox(ayla))).get(0).id();
            try (Store imap = Clients.imap(store, "ayla", Cast.PASSWORD)) {
                assertTrue(imap.getFolder("INBOX").renameTo(imap.getFolder("Old Inbox")));
            }
            assertEquals(List.of(), store.list(ayla, Folders.INBOX));
        });
        session(store -> {
            assertEquals(List.of(), store.list(ayla, Folders.INBOX));
            assertEquals(id[0], store.list(ayla, "Old Inbox").get(0).id());
        });
    }

    @Test
    void aPop3DeletionSurvivesARestart() throws Exception {
        MailboxKey ayla = Demo.mailbox(live, "ayla");
        session(store -> {
            for (String s : new String[]{"first", "second"}) {
                store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", s), Placement.inbox(ayla)));
            }
            try (Transcript t = new Transcript(store.pop3Port())) {
                t.pop3("USER ayla");
                assertEquals("+OK", t.pop3("PASS " + Cast.PASSWORD));
                assertTrue(t.pop3("RETR 2").startsWith("+OK"));
                for (String l = t.line(); !l.equals("."); l = t.line()) {
                    // the message body
                }
                assertTrue(t.pop3("DELE 1").startsWith("+OK"));
                assertEquals("+OK Behalf POP3 server signing off", t.pop3("QUIT"));
            }
        });
        session(store -> assertEquals(List.of("second"),
                store.list(ayla, Folders.INBOX).stream().map(MessageSummary::subject).toList()));
    }
}
