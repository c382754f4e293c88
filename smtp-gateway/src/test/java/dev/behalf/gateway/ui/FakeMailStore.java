package dev.behalf.gateway.ui;

import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.StoredMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A mail store in a map, for route tests without sockets; messages carry the headers the test gives. */
final class FakeMailStore implements MailStore {
    private final Map<MessageId, StoredMessage> messages = new LinkedHashMap<>();
    private final List<Consumer<StoreEvent>> listeners = new CopyOnWriteArrayList<>();
    private int next;

    /** Stores one copy with the given header values and raw text; returns its summary. */
    MessageSummary put(Placement placement, String submissionId, String subject, String from, Optional<String> sender,
                       String raw) {
        MessageSummary s = new MessageSummary(new MessageId("m" + ++next), placement.mailbox(), placement.folder(),
                Optional.of(submissionId), Optional.empty(), subject, from, sender, List.of("jimh@contoso.com"),
                Instant.parse("2025-01-01T10:00:00Z").plusSeconds(next), raw.length(), false);
        synchronized (this) {
            messages.put(s.id(), new StoredMessage(s, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        listeners.forEach(l -> l.accept(new StoreEvent.Delivered(s)));
        return s;
    }

    @Override
    public List<MessageSummary> deliver(Delivery delivery) {
        throw new UnsupportedOperationException("route tests put messages directly");
    }

    @Override
    public synchronized List<MailboxSummary> mailboxes() {
        Map<MailboxKey, List<MessageSummary>> by = new LinkedHashMap<>();
        messages.values().forEach(m -> by.computeIfAbsent(m.summary().mailbox(), k -> new ArrayList<>()).add(m.summary()));
        List<MailboxSummary> out = new ArrayList<>();
        by.forEach((k, list) -> {
            Map<String, int[]> folders = new LinkedHashMap<>();
            list.forEach(m -> {
                int[] c = folders.computeIfAbsent(m.folder(), f -> new int[2]);
                c[0]++;
                c[1] += m.seen() ? 0 : 1;
            });
            List<MailboxSummary.FolderSummary> fs = new ArrayList<>();
            folders.forEach((f, c) -> fs.add(new MailboxSummary.FolderSummary(f, c[0], c[1])));
            out.add(new MailboxSummary(k, k.toString(), k.toString(), fs));
        });
        return out;
    }

    @Override
    public synchronized List<MessageSummary> list(MailboxKey mailbox, String folder) {
        List<MessageSummary> out = new ArrayList<>();
        messages.values().stream().map(StoredMessage::summary)
                .filter(m -> m.mailbox().equals(mailbox) && m.folder().equals(folder)).forEach(m -> out.add(0, m));
        return out;
    }

    @Override
    public synchronized Optional<StoredMessage> fetch(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public boolean delete(MessageId id) {
        StoredMessage m;
        synchronized (this) {
            m = messages.remove(id);
        }
        if (m != null) {
            listeners.forEach(l -> l.accept(new StoreEvent.Deleted(id, m.summary().mailbox())));
        }
        return m != null;
    }

    @Override
    public int purge(MailboxKey mailbox) {
        int n;
        synchronized (this) {
            int before = messages.size();
            messages.values().removeIf(m -> m.summary().mailbox().equals(mailbox));
            n = before - messages.size();
        }
        listeners.forEach(l -> l.accept(new StoreEvent.Purged(mailbox)));
        return n;
    }

    @Override
    public synchronized int purgeAll() {
        int n = messages.size();
        messages.clear();
        return n;
    }

    @Override
    public void subscribe(Consumer<StoreEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
    }
}
