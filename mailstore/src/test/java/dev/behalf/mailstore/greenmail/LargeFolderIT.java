package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FETCH and STORE by sequence number and by UID find the right message in a folder with gaps in its
 * UIDs (BoxSession looks UIDs up by binary search instead of GreenMail's scans).
 */
class LargeFolderIT {
    private static final int MESSAGES = 400;
    private GreenMailStore store;
    private MailboxKey ayla;

    @BeforeEach
    void start() {
        LiveDirectory live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
        ayla = Demo.mailbox(live, "ayla");
        List<MessageSummary> delivered = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            delivered.add(store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "m" + i),
                    Placement.inbox(ayla))).get(0));
        }
        // Every third message gone: UIDs 1..400 with gaps, sequence numbers 1..267.
        for (int i = 0; i < MESSAGES; i += 3) {
            store.delete(delivered.get(i).id());
        }
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** The subject of the i-th surviving message (1-based), counting as the store does. */
    private static String subjectAt(int msn) {
        int seen = 0;
        for (int i = 0; i < MESSAGES; i++) {
            if (i % 3 != 0 && ++seen == msn) {
                return "m" + (i + 1);
            }
        }
        throw new IllegalArgumentException("no message " + msn);
    }

    @Test
    void fetchAndStoreBySequenceNumberAndUidReachTheRightMessage() throws Exception {
        int survivors = store.list(ayla, Folders.INBOX).size();
        assertEquals(MESSAGES - (MESSAGES + 2) / 3, survivors);
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD));
            assertTrue(t.imap("a2", "SELECT INBOX").contains("* " + survivors + " EXISTS"));
            for (int msn : new int[] {1, 2, 100, 177, survivors}) {
                List<String> lines = t.imap("f" + msn, "FETCH " + msn + " (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
                String all = String.join("\n", lines);
                assertTrue(all.startsWith("* " + msn + " FETCH"), all);
                assertTrue(lines.contains("Subject: " + subjectAt(msn)), all);
                // The same message by its UID, which skips the deleted ones.
                String uid = all.replaceAll("(?s).*UID (\\d+).*", "$1");
                List<String> byUid = t.imap("u" + msn, "UID FETCH " + uid + " (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
                assertTrue(byUid.get(0).startsWith("* " + msn + " FETCH"), byUid.toString());
                assertTrue(byUid.contains("Subject: " + subjectAt(msn)), byUid.toString());
            }
            List<String> stored = t.imap("s1", "STORE 150 +FLAGS (\\Flagged)");
            assertTrue(stored.get(0).startsWith("* 150 FETCH (FLAGS (") && stored.get(0).contains("\\Flagged"), stored.toString());
            assertTrue(t.imap("s2", "SEARCH FLAGGED").contains("* SEARCH 150"));
        }
    }
}
