package dev.behalf.mailstore.core;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.durable.Maildir;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's own structures: one message per delivery, folders' counts and indexes, watchers, the data dir. */
class MessageStoreTest {
    @TempDir
    Path dir;

    private final Directory directory = DemoDirectory.load();

    private MessageStore memory() {
        return new MessageStore(Optional.empty(), () -> directory, Clock.systemUTC());
    }

    private MessageStore durable() {
        MessageStore s = new MessageStore(Optional.of(Maildir.open(dir)), () -> directory, Clock.systemUTC());
        s.restore();
        return s;
    }

    private MailboxKey box(String identity) {
        return new MailboxKey.Mailbox(DemoDirectory.find(directory, identity).id());
    }

    private static byte[] message(String subject) {
        return Demo.message("terrya@contoso.com", "ayla@contoso.com", subject);
    }

    private static Folder inbox(MessageStore store, MailboxKey key) {
        return store.box(key).orElseThrow().folder(Folders.INBOX);
    }

    private static Slot slot(MessageStore store, MessageSummary s) {
        return store.slot(s.id()).orElseThrow();
    }

    @Test
    void aMessageToFiftyRecipientsAndItsSentItemsCopyIsOneMessageIn51Placements() {
        MessageStore store = memory();
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            placements.add(Placement.inbox(new MailboxKey.External(SmtpAddress.parse("r" + i + "@example.org"))));
        }
        placements.add(Placement.sentItems(box("terrya")));
        byte[] bytes = message("to fifty");
        List<MessageSummary> stored = store.deliver(Demo.delivery(bytes, placements.toArray(new Placement[0])));
        assertEquals(51, stored.size());
        Message one = slot(store, stored.get(0)).message();
        for (MessageSummary s : stored) {
            assertSame(one, slot(store, s).message(), "every placement shares the one message");
        }
        assertSame(bytes, one.bytes(), "the bytes are held as delivered, not copied");
        byte[] fetched = store.fetch(stored.get(50).id()).orElseThrow().raw();
        assertArrayEquals(bytes, fetched);
        assertNotSame(bytes, fetched, "the API gets a copy it may change");
        assertEquals(51, stored.stream().map(MessageSummary::id).distinct().count());
    }

    @Test
    void aFolderKeepsItsUnseenRecentAndFirstUnseenCountsAsFlagsChangeAndMessagesGo() {
        MessageStore store = memory();
        List<MessageSummary> s = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            s.add(store.deliver(Demo.delivery(message("m" + i), Placement.inbox(box("ayla")))).get(0));
        }
        Folder inbox = inbox(store, box("ayla"));
        assertEquals(5, inbox.unseen());
        assertEquals(5, inbox.recent());
        assertEquals(1, inbox.firstUnseen());
        store.setFlags(slot(store, s.get(0)), FlagSet.SEEN, null, null, false, false);
        store.setFlags(slot(store, s.get(1)), FlagSet.SEEN | FlagSet.FLAGGED, null, null, false, false);
        assertEquals(3, inbox.unseen());
        assertEquals(3, inbox.firstUnseen());
        store.setFlags(slot(store, s.get(0)), 0, null, null, false, false);
        assertEquals(1, inbox.firstUnseen(), "a message marked unread again is found first");
        assertEquals(5, inbox.recent(), "\\Recent stays as it was");
        assertEquals(5, store.clearRecent(inbox));
        assertEquals(0, inbox.recent());
        assertEquals(0, store.clearRecent(inbox));
        store.setFlags(slot(store, s.get(2)), FlagSet.DELETED | FlagSet.SEEN, null, null, false, false);
        store.setFlags(slot(store, s.get(0)), FlagSet.DELETED, null, null, false, false);
        assertEquals(2, store.expunge(inbox, uid -> true));
        assertEquals(3, inbox.size());
        assertEquals(2, inbox.unseen(), "m4 and m5; m2 is seen");
        assertEquals(2, inbox.firstUnseen(), "m2, m4, m5 are left; m4 is second");
        assertTrue(FlagSet.has(inbox.get(0).flags(), FlagSet.FLAGGED));
    }

    @Test
    void uidsAscendAndFindTheirSequenceNumberAcrossGaps() {
        MessageStore store = memory();
        List<MessageSummary> s = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            s.add(store.deliver(Demo.delivery(message("m" + i), Placement.inbox(box("ayla")))).get(0));
        }
        for (int i : new int[]{2, 4, 6}) {
            store.delete(s.get(i).id());
        }
        Folder inbox = inbox(store, box("ayla"));
        long[] uids = inbox.uids();
        assertArrayEquals(new long[]{1, 2, 4, 6, 8, 9, 10}, uids);
        for (int i = 0; i < uids.length; i++) {
            assertEquals(i, inbox.indexOf(uids[i]));
            assertEquals(i, inbox.indexOf(uids[i], i), "a right hint is taken");
            assertEquals(i, inbox.indexOf(uids[i], 0), "a wrong hint costs a search, not a wrong answer");
        }
        assertTrue(inbox.indexOf(3) < 0 && inbox.indexOf(11) < 0 && inbox.indexOf(0) < 0);
        assertEquals(11, inbox.uidNext());
    }

    /** What a folder's watchers hear, as IMAP's session folders and IDLE need it. */
    private static final class Heard implements Watcher {
        final List<String> events = new ArrayList<>();

        @Override
        public void added(int msn) {
            events.add("added " + msn);
        }

        @Override
        public void expunged(int msn) {
            events.add("expunged " + msn);
        }

        @Override
        public void flagsChanged(int msn, Slot slot, boolean withUid) {
            events.add("flags " + msn + " " + FlagSet.letters(slot.flags()) + (withUid ? " uid " + slot.uid() : ""));
        }

        @Override
        public void deleted() {
            events.add("deleted");
        }
    }

    @Test
    void watchersHearAddsFlagChangesExpungesHighestFirstAndDeletion() {
        MessageStore store = memory();
        Box ayla = store.box(DemoDirectory.find(directory, "ayla"));
        Folder projects = store.createFolder(ayla.root(), "Projects", true);
        Heard heard = new Heard();
        Heard silent = new Heard();
        store.watch(projects, heard);
        store.watch(projects, silent);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slots.add(store.append(projects, store.message(message("p" + i), 0), 0, Set.of()));
        }
        store.setFlags(slots.get(1), FlagSet.SEEN, null, silent, true, true);
        store.setFlags(slots.get(3), FlagSet.DELETED, null, null, false, true);
        store.setFlags(slots.get(0), FlagSet.DELETED, null, null, false, true);
        store.expunge(projects, uid -> true);
        store.unwatch(projects, silent);
        store.removeAll(projects);
        store.deleteFolder(projects);
        assertEquals(List.of("added 1", "added 2", "added 3", "added 4", "flags 2 S uid 2", "flags 4 T", "flags 1 T",
                "expunged 4", "expunged 1", "expunged 2", "expunged 1", "deleted"), heard.events);
        assertEquals(List.of("added 1", "added 2", "added 3", "added 4", "flags 4 T", "flags 1 T", "expunged 4", "expunged 1"),
                silent.events, "the silent watcher is not told of its own change");
        assertEquals(null, ayla.folder("Projects"));
    }

    private List<Path> files(String token, String folder) throws IOException {
        Path d = dir.resolve("boxes").resolve(token).resolve("f-" + dev.behalf.mailstore.durable.Segments.encode(folder));
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void copiesAreHardLinksOfOneFileAndComeBackAsOneMessage() throws IOException {
        MessageStore store = durable();
        List<MessageSummary> stored = store.deliver(Demo.delivery(message("linked"),
                Placement.inbox(box("ayla")), Placement.inbox(box("jimh")), Placement.sentItems(box("terrya"))));
        Box ayla = store.box(box("ayla")).orElseThrow();
        Folder archive = store.createFolder(ayla.root(), "Archive", true);
        Slot copy = store.copy(slot(store, stored.get(0)), archive);
        Object inode = Files.readAttributes(files(ayla.token(), "INBOX").get(0), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertEquals(inode, Files.readAttributes(files(ayla.token(), "Archive").get(0),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "IMAP COPY links the same file");
        store.close();

        MessageStore again = durable();
        Message one = slot(again, stored.get(0)).message();
        for (MessageSummary s : stored) {
            assertSame(one, slot(again, s).message(), "restored copies of one delivery share one message");
        }
        assertSame(one, again.slot(copy.id()).orElseThrow().message());
        assertEquals(stored.get(1), again.summary(slot(again, stored.get(1))));
    }

    @Test
    void flagChangesAreRenamedOnDiskAtTheNextSyncAndSurviveARestart() throws IOException {
        MessageStore store = durable();
        MessageSummary s = store.deliver(Demo.delivery(message("flag me"), Placement.inbox(box("ayla")))).get(0);
        String token = store.box(box("ayla")).orElseThrow().token();
        store.setFlags(slot(store, s), FlagSet.SEEN | FlagSet.FLAGGED, null, null, false, false);
        assertTrue(files(token, "INBOX").get(0).toString().endsWith(","), "not yet renamed: " + files(token, "INBOX"));
        store.sync();
        assertTrue(files(token, "INBOX").get(0).toString().endsWith(",FS"), files(token, "INBOX").toString());
        Folder sent = store.box(box("ayla")).orElseThrow().folder(Folders.SENT_ITEMS);
        store.move(slot(store, s), sent);
        assertEquals(List.of(), files(token, "INBOX"));
        assertTrue(files(token, Folders.SENT_ITEMS).get(0).getFileName().toString().startsWith(s.id().value() + ","),
                "a move keeps the id in the file name");
        store.close();

        MessageStore again = durable();
        Slot back = slot(again, s);
        assertSame(again.box(box("ayla")).orElseThrow().folder(Folders.SENT_ITEMS), back.folder());
        assertEquals(FlagSet.SEEN | FlagSet.FLAGGED | FlagSet.RECENT, back.flags());
    }

    @Test
    void anExpungeIsOnDiskBeforeItReturns() throws IOException {
        MessageStore store = durable();
        List<MessageSummary> s = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            s.add(store.deliver(Demo.delivery(message("x" + i), Placement.inbox(box("ayla")))).get(0));
        }
        store.setFlags(slot(store, s.get(1)), FlagSet.DELETED, null, null, false, false);
        store.expunge(inbox(store, box("ayla")), uid -> true);
        String token = store.box(box("ayla")).orElseThrow().token();
        assertEquals(2, files(token, "INBOX").size());
        assertTrue(files(token, "INBOX").stream().noneMatch(p -> p.getFileName().toString().startsWith(s.get(1).id().value())));
    }
}
