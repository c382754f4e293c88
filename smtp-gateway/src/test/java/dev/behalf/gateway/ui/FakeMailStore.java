package dev.behalf.gateway.ui;

import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.message.Address;
import dev.behalf.message.HeaderSection;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A mail store in a map over a live directory, for route tests without sockets. {@link #put} stores a
 * copy with whatever header values a test gives; {@link #deliver} and the rest behave as every store
 * must ({@code FakeMailStoreContractTest} holds it to {@code MailStoreContract}).
 */
final class FakeMailStore implements MailStore {
    private static final Instant EPOCH = Instant.parse("2025-01-01T10:00:00Z");

    private final LiveDirectory directory;
    private final Map<MessageId, StoredMessage> messages = new LinkedHashMap<>();
    private final Set<SmtpAddress> external = new LinkedHashSet<>();
    private final List<Consumer<StoreEvent>> listeners = new CopyOnWriteArrayList<>();
    private int next;

    FakeMailStore(LiveDirectory directory) {
        this.directory = directory;
    }

    LiveDirectory directory() {
        return directory;
    }

    /** Stores one copy with the given header values and raw text; returns its summary. */
    MessageSummary put(Placement placement, String submissionId, String subject, String from, Optional<String> sender,
                       String raw) {
        MessageSummary s;
        synchronized (this) {
            check(placement.mailbox());
            s = new MessageSummary(nextId(), placement.mailbox(), placement.folder(), Optional.of(submissionId),
                    Optional.empty(), subject, from, sender, List.of("jimh@contoso.com"), EPOCH.plusSeconds(next),
                    raw.length(), false);
            store(s, raw.getBytes(StandardCharsets.UTF_8));
        }
        listeners.forEach(l -> l.accept(new StoreEvent.Delivered(s)));
        return s;
    }

    @Override
    public List<MessageSummary> deliver(Delivery delivery) {
        byte[] raw = delivery.message().clone();
        HeaderSection h = HeaderSection.read(raw);
        List<MessageSummary> stored = new ArrayList<>();
        synchronized (this) {
            delivery.placements().forEach(p -> check(p.mailbox()));
            for (Placement p : delivery.placements()) {
                MessageSummary s = new MessageSummary(nextId(), p.mailbox(), p.folder(),
                        h.text("X-MS-Exchange-Organization-Network-Message-Id").map(String::strip), h.messageId(),
                        h.subject().orElse(""), display(h.from()), h.sender().stream().findFirst().map(Address::display),
                        h.to().stream().map(Address::display).toList(), EPOCH.plusSeconds(next), raw.length, false);
                store(s, raw);
                stored.add(s);
            }
        }
        stored.forEach(s -> listeners.forEach(l -> l.accept(new StoreEvent.Delivered(s))));
        return stored;
    }

    private static String display(List<Address> addresses) {
        return addresses.stream().map(Address::display).collect(Collectors.joining(", "));
    }

    /** A placement names a mailbox the directory has, or an external address; anything else stores nothing. */
    private void check(MailboxKey key) {
        if (key instanceof MailboxKey.Mailbox m
                && directory.current().get(m.id()).filter(r -> r.type().hasMailbox()).isEmpty()) {
            throw new IllegalArgumentException("no store mailbox with Guid " + m.id() + " in the directory");
        }
    }

    private MessageId nextId() {
        return new MessageId("m" + ++next);
    }

    private void store(MessageSummary s, byte[] raw) {
        if (s.mailbox() instanceof MailboxKey.External x) {
            external.add(x.address());
        }
        messages.put(s.id(), new StoredMessage(s, raw));
    }

    @Override
    public synchronized List<MailboxSummary> mailboxes() {
        Directory d = directory.current();
        List<MailboxSummary> out = new ArrayList<>();
        for (Recipient r : d.recipients()) {
            if (r.type().hasMailbox()) {
                out.add(summary(new MailboxKey.Mailbox(r.id()), r.displayName(),
                        r.primarySmtpAddress().map(SmtpAddress::toString).orElse(r.name())));
            }
        }
        external.stream().sorted(Comparator.comparing(SmtpAddress::toString))
                .forEach(a -> out.add(summary(new MailboxKey.External(a), externalName(d, a), a.toString())));
        return out;
    }

    private MailboxSummary summary(MailboxKey key, String displayName, String address) {
        Map<String, int[]> folders = new LinkedHashMap<>();
        if (key instanceof MailboxKey.Mailbox) {
            folders.put(Folders.INBOX, new int[2]);
            folders.put(Folders.SENT_ITEMS, new int[2]);
        }
        messages.values().stream().map(StoredMessage::summary).filter(m -> m.mailbox().equals(key)).forEach(m -> {
            int[] c = folders.computeIfAbsent(m.folder(), f -> new int[2]);
            c[0]++;
            c[1] += m.seen() ? 0 : 1;
        });
        List<MailboxSummary.FolderSummary> fs = new ArrayList<>();
        folders.forEach((f, c) -> fs.add(new MailboxSummary.FolderSummary(f, c[0], c[1])));
        return new MailboxSummary(key, displayName, address, fs);
    }

    private static String externalName(Directory d, SmtpAddress address) {
        return d.recipients().stream()
                .filter(r -> r.type() == RecipientTypeDetails.MailUser && r.externalEmailAddress().map(address::equals).orElse(false))
                .map(Recipient::displayName).findFirst().orElse(address.toString());
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
        return Optional.ofNullable(messages.get(id)).map(m -> new StoredMessage(m.summary(), m.raw().clone()));
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
