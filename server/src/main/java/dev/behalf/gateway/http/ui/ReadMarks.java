package dev.behalf.gateway.http.ui;

import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoreEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which unread messages were opened in the web UI. The store's own flag changes only when an
 * IMAP or POP3 client reads a message; the viewer marks what it showed here, as a mail viewer
 * does, without touching the store. In memory; forgotten on restart. Thread-safe.
 */
final class ReadMarks {
    private record Place(MailboxKey mailbox, String folder) {
    }

    private final Map<MessageId, Place> opened = new ConcurrentHashMap<>();

    void open(MessageSummary m) {
        if (!m.seen()) {
            opened.put(m.id(), new Place(m.mailbox(), m.folder()));
        }
    }

    boolean seen(MessageSummary m) {
        return m.seen() || opened.containsKey(m.id());
    }

    /** How many of the folder's unread messages (by the store's count) were opened here. */
    int openedIn(MailboxKey mailbox, String folder) {
        Place p = new Place(mailbox, folder);
        return (int) opened.values().stream().filter(p::equals).count();
    }

    void forget(StoreEvent event) {
        if (event instanceof StoreEvent.Deleted d) {
            opened.remove(d.id());
        } else if (event instanceof StoreEvent.Purged p) {
            opened.values().removeIf(place -> place.mailbox().equals(p.mailbox()));
        }
    }
}
