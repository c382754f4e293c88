package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.store.MailFolder;
import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.mailstore.durable.Maildir;
import dev.behalf.mailstore.durable.Maildir.MessageFile;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link dev.behalf.mailstore.MailStore} operations over the mirror and the boxes. */
final class Catalog {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);
    private static final Comparator<MessageSummary> NEWEST_FIRST = Comparator.comparing(MessageSummary::received)
            .thenComparing(s -> s.id().value()).reversed();

    private final Mirror mirror;
    private final Boxes boxes;
    private final Supplier<Directory> directory;
    private final Clock clock;

    Catalog(Mirror mirror, Boxes boxes, Supplier<Directory> directory, Clock clock) {
        this.mirror = mirror;
        this.boxes = boxes;
        this.directory = directory;
        this.clock = clock;
    }

    /** Disk first (written, fsynced, renamed into place), then GreenMail: visible only once durable. */
    List<MessageSummary> deliver(Delivery delivery) {
        byte[] bytes = delivery.message();
        // Parsed before anything is written, and outside the lock every delivery and IMAP command takes: a
        // message GreenMail can't hold fails here, leaving no trace. Once for every folder: GreenMail's
        // StoredMessage keeps its own copy of what it is given.
        MimeMessage parsed = mirror.parse(bytes);
        Headers headers = Headers.of(parsed);
        return mirror.locked(() -> {
            List<FolderRecord> targets = new ArrayList<>();
            for (Placement p : delivery.placements()) {
                targets.add(boxes.folder(box(p.mailbox()), p.folder()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<MessageFile> files = new ArrayList<>();
            for (FolderRecord t : targets) {
                files.add(new MessageFile(t.box.token(), t.path, mirror.newId(now), now.toEpochMilli(), ""));
            }
            mirror.disk().deliver(files, bytes);
            List<Entry> stored = new ArrayList<>();
            try {
                for (int i = 0; i < targets.size(); i++) {
                    FolderRecord t = targets.get(i);
                    Date received = new Date(now.toEpochMilli());
                    long uid = t.folder.appendMessage(parsed, new Flags(), received);
                    Entry e = new Entry(files.get(i).id(), headers, bytes.length, t, uid, received, "");
                    mirror.track(e);
                    stored.add(e);
                }
            } catch (RuntimeException ex) {
                mirror.remove(stored, false);
                files.subList(stored.size(), files.size()).forEach(mirror.disk()::remove);
                throw new IllegalArgumentException("submission " + delivery.submissionId() + " could not be stored: " + ex.getMessage(), ex);
            }
            List<MessageSummary> out = stored.stream().map(Entry::summary).toList();
            out.forEach(s -> mirror.queue(new StoreEvent.Delivered(s)));
            return out;
        });
    }

    private Box box(MailboxKey key) {
        Optional<Box> known = boxes.find(key);
        if (known.isPresent()) {
            return known.get();
        }
        if (key instanceof MailboxKey.External x) {
            return boxes.ensure(key, x.address().toString());
        }
        RecipientId id = ((MailboxKey.Mailbox) key).id();
        Recipient r = directory.get().get(id).filter(x -> x.type().hasMailbox()).orElseThrow(() ->
                new IllegalArgumentException("no store mailbox with Guid " + id + " in the directory"));
        return boxes.ensure(key, label(r));
    }

    List<MailboxSummary> mailboxes() {
        return mirror.locked(() -> {
            mirror.sync();
            Directory d = directory.get();
            List<MailboxSummary> out = new ArrayList<>();
            for (Recipient r : d.recipients()) {
                if (r.type().hasMailbox()) {
                    Box b = boxes.ensure(new MailboxKey.Mailbox(r.id()), label(r));
                    out.add(summary(b, r.displayName(), label(r)));
                }
            }
            boxes.all().stream()
                    .filter(b -> b.key() instanceof MailboxKey.External)
                    .sorted(Comparator.comparing(b -> ((MailboxKey.External) b.key()).address().toString()))
                    .forEach(b -> {
                        SmtpAddress a = ((MailboxKey.External) b.key()).address();
                        out.add(summary(b, externalName(d, a), a.toString()));
                    });
            return out;
        });
    }

    private MailboxSummary summary(Box box, String displayName, String address) {
        List<MailboxSummary.FolderSummary> folders = mirror.folders(box).stream()
                .map(f -> new MailboxSummary.FolderSummary(f.name(), f.byUid.size(), f.unread())).toList();
        return new MailboxSummary(box.key(), displayName, address, folders);
    }

    private static String externalName(Directory d, SmtpAddress address) {
        return d.recipients().stream()
                .filter(r -> r.type() == RecipientTypeDetails.MailUser && r.externalEmailAddress().map(address::equals).orElse(false))
                .map(Recipient::displayName).findFirst().orElse(address.toString());
    }

    private static String label(Recipient r) {
        return r.primarySmtpAddress().map(SmtpAddress::toString).orElse(r.name());
    }

    List<MessageSummary> list(MailboxKey key, String folder) {
        return mirror.locked(() -> {
            mirror.sync();
            return boxes.find(key).flatMap(b -> existing(b, folder))
                    .map(f -> f.byUid.values().stream().map(Entry::summary).sorted(NEWEST_FIRST).toList())
                    .orElse(List.of());
        });
    }

    private Optional<FolderRecord> existing(Box box, String name) {
        MailFolder f = mirror.store().getMailbox(ImapConstants.USER_NAMESPACE + ImapConstants.HIERARCHY_DELIMITER + box.token());
        for (String segment : name.split("\\" + ImapConstants.HIERARCHY_DELIMITER)) {
            if (f == null || segment.isEmpty()) {
                return Optional.empty();
            }
            f = mirror.store().getMailbox(f, segment);
        }
        return f == null ? Optional.empty() : mirror.record(f);
    }

    Optional<StoredMessage> fetch(MessageId id) {
        return mirror.locked(() -> {
            mirror.sync();
            return mirror.entry(id).map(e -> new StoredMessage(e.summary(), mirror.bytes(e)));
        });
    }

    boolean delete(MessageId id) {
        return mirror.locked(() -> {
            mirror.sync();
            return mirror.entry(id).map(e -> mirror.remove(List.of(e), true) > 0).orElse(false);
        });
    }

    int purge(MailboxKey key) {
        return mirror.locked(() -> {
            mirror.sync();
            return boxes.find(key).map(this::purge).orElse(0);
        });
    }

    int purgeAll() {
        return mirror.locked(() -> {
            mirror.sync();
            return boxes.all().stream().mapToInt(this::purge).sum();
        });
    }

    private int purge(Box box) {
        List<Entry> all = new ArrayList<>();
        mirror.folders(box).forEach(f -> all.addAll(f.byUid.values()));
        int n = mirror.remove(all, false);
        if (n > 0) {
            mirror.queue(new StoreEvent.Purged(box.key()));
        }
        return n;
    }

    /** Every directory mailbox gets its box (with INBOX and Sent Items) as soon as it exists. */
    void directoryChanged(Directory d) {
        mirror.run(() -> {
            for (Recipient r : d.recipients()) {
                if (r.type().hasMailbox()) {
                    boxes.ensure(new MailboxKey.Mailbox(r.id()), label(r));
                }
            }
        });
    }

    /** Loads a durable store's boxes, folders and messages back into GreenMail, with their ids and flags. */
    void restore() {
        Optional<Maildir.Contents> loaded = mirror.disk().load();
        if (loaded.isEmpty()) {
            return;
        }
        Maildir.Contents contents = loaded.get();
        mirror.run(() -> {
            Map<String, Box> byToken = new HashMap<>();
            for (String token : contents.boxes()) {
                Optional<MailboxKey> key = Tokens.parse(token);
                if (key.isEmpty()) {
                    log.warn("Ignoring box directory {}: not a box name this store writes", token);
                    continue;
                }
                String label = key.get() instanceof MailboxKey.External x ? x.address().toString()
                        : directory.get().get(((MailboxKey.Mailbox) key.get()).id()).map(Catalog::label).orElse(token);
                byToken.put(token, boxes.ensure(key.get(), label));
            }
            Map<List<String>, FolderRecord> folders = new HashMap<>();
            for (Maildir.Folder f : contents.folders()) {
                Box b = byToken.get(f.box());
                if (b != null && !f.path().isEmpty()) {
                    folders.put(key(f.box(), f.path()), boxes.folder(b, String.join(".", f.path())));
                }
            }
            int restored = 0;
            for (MessageFile m : contents.messages()) {
                FolderRecord rec = folders.get(key(m.box(), m.folder()));
                if (rec == null) {
                    continue;
                }
                try {
                    byte[] bytes = mirror.disk().read(m);
                    Date received = new Date(m.received());
                    MimeMessage parsed = mirror.parse(bytes);
                    long uid = rec.folder.appendMessage(parsed, MaildirFlags.flags(m.flags()), received);
                    mirror.track(new Entry(m.id(), Headers.of(parsed), bytes.length, rec, uid, received, m.flags()));
                    restored++;
                } catch (RuntimeException e) {
                    log.warn("Skipping message file {} that can't be loaded: {}", m, e.getMessage());
                }
            }
            mirror.sync();
            log.info("Restored {} stored message(s) in {} box(es) from the data dir", restored, byToken.size());
        });
    }

    private static List<String> key(String box, List<String> path) {
        List<String> k = new ArrayList<>(path.size() + 1);
        k.add(box);
        k.addAll(path);
        return k;
    }
}
