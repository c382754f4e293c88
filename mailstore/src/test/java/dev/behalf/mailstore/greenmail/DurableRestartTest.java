package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A durable store closed and opened again, through the API only (no sockets). */
class DurableRestartTest {
    @TempDir
    Path dir;

    private final LiveDirectory live = DemoDirectory.live();

    private void session(Consumer<GreenMailStore> work) {
        try (DataDir data = DataDir.open(dir); GreenMailStore store = GreenMailStore.builder(live).dataDir(data).build()) {
            work.accept(store);
        }
    }

    private MailboxKey box(String identity) {
        return Demo.mailbox(live, identity);
    }

    @Test
    void deliveredMailComesBackWithTheSameIdsFoldersAndSummaries() {
        MailboxKey external = new MailboxKey.External(SmtpAddress.parse("partner@fabrikam.com"));
        byte[] bytes = Demo.message("Terry Adams <terrya@contoso.com>", "ayla@contoso.com", "keep me");
        List<List<MessageSummary>> before = new java.util.ArrayList<>();
        session(store -> {
            store.deliver(Demo.delivery(bytes, Placement.inbox(box("ayla")), Placement.sentItems(box("terrya")), Placement.inbox(external)));
            store.deliver(Demo.delivery(Demo.message("a@contoso.com", "b@contoso.com", "second"), Placement.inbox(box("ayla"))));
            before.add(store.list(box("ayla"), Folders.INBOX));
            before.add(store.list(box("terrya"), Folders.SENT_ITEMS));
            before.add(store.list(external, Folders.INBOX));
        });
        session(store -> {
            assertEquals(before.get(0), store.list(box("ayla"), Folders.INBOX));
            assertEquals(before.get(1), store.list(box("terrya"), Folders.SENT_ITEMS));
            assertEquals(before.get(2), store.list(external, Folders.INBOX));
            assertArrayEquals(bytes, store.fetch(before.get(1).get(0).id()).orElseThrow().raw());
            assertTrue(store.mailboxes().stream().anyMatch(b -> b.key().equals(external)));
        });
    }

    @Test
    void deletedAndPurgedMailStaysGone() {
        List<MessageSummary> kept = new java.util.ArrayList<>();
        session(store -> {
            List<MessageSummary> a = store.deliver(Demo.delivery(Demo.message("a@contoso.com", "b@contoso.com", "1"),
                    Placement.inbox(box("ayla")), Placement.inbox(box("jimh"))));
            store.deliver(Demo.delivery(Demo.message("a@contoso.com", "b@contoso.com", "2"), Placement.inbox(box("sarad"))));
            kept.addAll(store.deliver(Demo.delivery(Demo.message("a@contoso.com", "b@contoso.com", "3"), Placement.inbox(box("sarad")))));
            store.delete(a.get(0).id());
            store.purge(box("jimh"));
            store.delete(store.list(box("sarad"), Folders.INBOX).get(1).id());
        });
        session(store -> {
            assertEquals(List.of(), store.list(box("ayla"), Folders.INBOX));
            assertEquals(List.of(), store.list(box("jimh"), Folders.INBOX));
            assertEquals(kept, store.list(box("sarad"), Folders.INBOX));
        });
    }
}
