package dev.behalf.mailstore;

import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link MailStore} does, whatever keeps the mail. Implementations run these through a
 * class that supplies a fresh store over a fresh demo directory per test.
 */
public interface MailStoreContract {

    MailStore testee();

    LiveDirectory directory();

    private MailboxKey box(String identity) {
        return Demo.mailbox(directory(), identity);
    }

    @Test
    default void deliveryStoresACopyInEveryPlacement() {
        byte[] m = Demo.message("Terry Adams <terrya@contoso.com>", "ayla@contoso.com", "Quarterly numbers");
        List<MessageSummary> stored = testee().deliver(Demo.delivery(m,
                Placement.inbox(box("ayla")), Placement.inbox(box("jimh")), Placement.sentItems(box("terrya"))));
        assertEquals(3, stored.size());
        assertEquals(1, testee().list(box("ayla"), Folders.INBOX).size());
        assertEquals(1, testee().list(box("jimh"), Folders.INBOX).size());
        assertEquals(1, testee().list(box("terrya"), Folders.SENT_ITEMS).size());
        assertEquals(0, testee().list(box("terrya"), Folders.INBOX).size());
        assertEquals(3, stored.stream().map(MessageSummary::id).distinct().count());
    }

    @Test
    default void summaryIsReadFromTheHeaders() {
        String raw = "From: =?UTF-8?Q?Ra=C3=BFmond_Sam?= <raymonds@contoso.com>\r\n"
                + "Sender: Jim Hance <jimh@contoso.com>\r\n"
                + "To: \"Adams, Terry\" <terrya@contoso.com>, ayla@contoso.com\r\n"
                + "Subject: =?UTF-8?B?w4ludm9pY2U=?= due\r\n"
                + "Message-ID: <abc@contoso.com>\r\n"
                + "X-MS-Exchange-Organization-Network-Message-Id: 0c2f5a1e-7d7e-4c43-9f7f-0a1b2c3d4e5f\r\n"
                + "\r\nbody\r\n";
        MessageSummary s = testee().deliver(Demo.delivery(raw.getBytes(StandardCharsets.UTF_8), Placement.inbox(box("terrya")))).get(0);
        assertEquals("Raÿmond Sam <raymonds@contoso.com>", s.from());
        assertEquals(Optional.of("Jim Hance <jimh@contoso.com>"), s.sender());
        assertEquals(List.of("\"Adams, Terry\" <terrya@contoso.com>", "ayla@contoso.com"), s.to());
        assertEquals("Énvoice due", s.subject());
        assertEquals(Optional.of("<abc@contoso.com>"), s.messageId());
        assertEquals(Optional.of("0c2f5a1e-7d7e-4c43-9f7f-0a1b2c3d4e5f"), s.submissionId());
        assertEquals(raw.length(), s.size());
        assertFalse(s.seen());
        assertEquals(Folders.INBOX, s.folder());
        assertEquals(box("terrya"), s.mailbox());
    }

    @Test
    default void listIsNewestFirst() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subjects.add(0, "message " + i);
            testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "message " + i),
                    Placement.inbox(box("ayla"))));
        }
        assertEquals(subjects, testee().list(box("ayla"), Folders.INBOX).stream().map(MessageSummary::subject).toList());
    }

    @Test
    default void fetchReturnsTheStoredBytes() {
        byte[] m = Demo.message("terrya@contoso.com", "ayla@contoso.com", "fetch me");
        MessageSummary s = testee().deliver(Demo.delivery(m, Placement.inbox(box("ayla")))).get(0);
        StoredMessage fetched = testee().fetch(s.id()).orElseThrow();
        assertArrayEquals(m, fetched.raw());
        assertEquals(s, fetched.summary());
    }

    @Test
    default void theBytesAStoreHandsOutOrIsHandedAreNotItsOwn() {
        byte[] m = Demo.message("terrya@contoso.com", "ayla@contoso.com", "keep me as I am");
        byte[] original = m.clone();
        List<MessageSummary> stored = testee().deliver(Demo.delivery(m, Placement.inbox(box("ayla")), Placement.sentItems(box("terrya"))));
        byte[] fetched = testee().fetch(stored.get(0).id()).orElseThrow().raw();
        java.util.Arrays.fill(fetched, (byte) 'x');
        assertArrayEquals(original, testee().fetch(stored.get(0).id()).orElseThrow().raw(), "changing what fetch gave changes nothing stored");
        assertArrayEquals(original, testee().fetch(stored.get(1).id()).orElseThrow().raw(), "nor the other copy");
    }

    @Test
    default void unknownIdsAreAbsent() {
        MessageId nobody = new MessageId("AAAAAAAAAAAAAAAAAAAAAA");
        assertTrue(testee().fetch(nobody).isEmpty());
        assertFalse(testee().delete(nobody));
    }

    @Test
    default void messageIdsAreUrlSafeAndUnique() {
        Set<MessageId> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            for (MessageSummary s : testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "n" + i),
                    Placement.inbox(box("ayla")), Placement.sentItems(box("terrya"))))) {
                assertTrue(s.id().value().matches("[A-Za-z0-9_-]+"), s.id().value());
                assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            }
        }
    }

    @Test
    default void deleteRemovesOneCopyOnly() {
        List<MessageSummary> stored = testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "x"),
                Placement.inbox(box("ayla")), Placement.sentItems(box("terrya"))));
        assertTrue(testee().delete(stored.get(0).id()));
        assertFalse(testee().delete(stored.get(0).id()));
        assertTrue(testee().fetch(stored.get(0).id()).isEmpty());
        assertEquals(0, testee().list(box("ayla"), Folders.INBOX).size());
        assertEquals(List.of(stored.get(1)), testee().list(box("terrya"), Folders.SENT_ITEMS));
    }

    @Test
    default void purgeEmptiesOneMailboxAndPurgeAllEverything() {
        for (int i = 0; i < 3; i++) {
            testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "p" + i),
                    Placement.inbox(box("ayla")), Placement.sentItems(box("terrya"))));
        }
        assertEquals(3, testee().purge(box("ayla")));
        assertEquals(0, testee().list(box("ayla"), Folders.INBOX).size());
        assertEquals(3, testee().list(box("terrya"), Folders.SENT_ITEMS).size());
        assertEquals(3, testee().purgeAll());
        assertEquals(0, testee().list(box("terrya"), Folders.SENT_ITEMS).size());
        assertEquals(0, testee().purgeAll());
    }

    @Test
    default void externalAddressesAreCapturedInTheirOwnBox() {
        MailboxKey lee = new MailboxKey.External(SmtpAddress.parse("lee.gu@fabrikam.com"));
        MailboxKey stranger = new MailboxKey.External(SmtpAddress.parse("someone@example.org"));
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "lee.gu@fabrikam.com", "out"),
                Placement.inbox(lee), Placement.inbox(stranger)));
        assertEquals(1, testee().list(lee, Folders.INBOX).size());
        List<MailboxSummary> boxes = testee().mailboxes();
        MailboxSummary leeBox = boxes.stream().filter(b -> b.key().equals(lee)).findFirst().orElseThrow();
        assertEquals("Lee Gu", leeBox.displayName());
        assertEquals("lee.gu@fabrikam.com", leeBox.address());
        assertEquals(new MailboxSummary.FolderSummary(Folders.INBOX, 1, 1), leeBox.folders().get(0));
        assertTrue(boxes.stream().anyMatch(b -> b.key().equals(stranger) && b.displayName().equals("someone@example.org")));
    }

    @Test
    default void everyDirectoryMailboxIsListedWithInboxAndSentItems() {
        List<MailboxSummary> boxes = testee().mailboxes();
        long mailboxes = directory().current().recipients().stream().filter(r -> r.type().hasMailbox()).count();
        assertEquals(mailboxes, boxes.stream().filter(b -> b.key() instanceof MailboxKey.Mailbox).count());
        MailboxSummary shared = boxes.stream().filter(b -> b.key().equals(box("Helpdesk Tickets"))).findFirst().orElseThrow();
        assertEquals("Helpdesk Tickets", shared.displayName());
        assertEquals("helpdesktickets@contoso.com", shared.address());
        assertEquals(List.of(Folders.INBOX, Folders.SENT_ITEMS), shared.folders().stream().map(MailboxSummary.FolderSummary::name).toList());
    }

    @Test
    default void aMailboxAddedToTheDirectoryCanReceiveAtOnce() {
        Recipient created = Recipient.builder(RecipientTypeDetails.UserMailbox, "Nestor Wilke").alias("nestorw")
                .password(Secret.of(Cast.PASSWORD)).build(directory().current().organization());
        DemoDirectory.put(directory(), created, "New-Mailbox Nestor Wilke");
        MailboxKey nestor = new MailboxKey.Mailbox(created.id());
        assertTrue(testee().mailboxes().stream().anyMatch(b -> b.key().equals(nestor)));
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "nestorw@contoso.com", "welcome"), Placement.inbox(nestor)));
        assertEquals(1, testee().list(nestor, Folders.INBOX).size());
    }

    @Test
    default void aMailboxRemovedFromTheDirectoryIsNoLongerListedAndItsMailIsRetained() {
        MailboxKey sara = box("sarad");
        Recipient saraRecipient = directory().current().get(((MailboxKey.Mailbox) sara).id()).orElseThrow();
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "sarad@contoso.com", "before"), Placement.inbox(sara)));
        directory().apply(new dev.behalf.policy.change.ChangeSet(
                List.of(new dev.behalf.policy.directory.DirectoryChange.Remove(saraRecipient.id())), "Remove-Mailbox sarad"));
        assertTrue(testee().mailboxes().stream().noneMatch(b -> b.key().equals(sara)));
        directory().resetTo(DemoDirectory.load(), "reset");
        assertTrue(testee().mailboxes().stream().anyMatch(b -> b.key().equals(sara)));
        assertEquals(List.of("before"), testee().list(sara, Folders.INBOX).stream().map(MessageSummary::subject).toList());
    }

    @Test
    default void deliveryToAMailboxTheDirectoryDoesNotHaveIsRefused() {
        MailboxKey ghost = new MailboxKey.Mailbox(RecipientId.forName("nobody at all"));
        assertThrows(IllegalArgumentException.class, () -> testee().deliver(Demo.delivery(
                Demo.message("terrya@contoso.com", "x@contoso.com", "lost"), Placement.inbox(box("ayla")), Placement.inbox(ghost))));
        assertEquals(0, testee().list(box("ayla"), Folders.INBOX).size(), "nothing is stored when one placement fails");
    }

    @Test
    default void subscribersHearDeliveriesDeletionsAndPurges() {
        List<StoreEvent> events = new ArrayList<>();
        testee().subscribe(events::add);
        MessageSummary s = testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "e"),
                Placement.inbox(box("ayla")))).get(0);
        testee().delete(s.id());
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "f"), Placement.inbox(box("ayla"))));
        testee().purge(box("ayla"));
        assertEquals(List.of(new StoreEvent.Delivered(s), new StoreEvent.Deleted(s.id(), box("ayla"))), events.subList(0, 2));
        assertTrue(events.get(2) instanceof StoreEvent.Delivered);
        assertEquals(new StoreEvent.Purged(box("ayla")), events.get(3));
        assertEquals(4, events.size());
    }

    @Test
    default void unreadCountsFollowTheFolders() {
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "u1"), Placement.inbox(box("ayla"))));
        testee().deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "u2"), Placement.inbox(box("ayla"))));
        MailboxSummary ayla = testee().mailboxes().stream().filter(b -> b.key().equals(box("ayla"))).findFirst().orElseThrow();
        assertEquals(new MailboxSummary.FolderSummary(Folders.INBOX, 2, 2), ayla.folders().get(0));
        assertEquals(new MailboxSummary.FolderSummary(Folders.SENT_ITEMS, 0, 0), ayla.folders().get(1));
    }
}
