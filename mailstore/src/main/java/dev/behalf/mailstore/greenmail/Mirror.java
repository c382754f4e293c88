package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.durable.Maildir.MessageFile;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps Behalf's view of stored mail (message ids, summaries, files on disk) in step with GreenMail's
 * in-memory store, whatever changed it: a delivery, an API call, or an IMAP/POP3 client.
 *
 * <p>GreenMail tells folder listeners about appends, expunges and flag changes on the thread that made
 * them; a listener here only marks the folder dirty ({@link FolderRecords}). {@link #sync()} then
 * compares each dirty folder with what was recorded and writes the difference to disk: new copies first,
 * then moves and flag changes (a rename each), then removals, so a crash between steps loses no copy.
 * IMAP and POP3 sessions sync before they send a reply ({@link SyncingOutputStream}), the API before it
 * returns, so whatever a client was told is on disk.
 *
 * <p>Everything here is guarded by one {@link StoreLock}.
 */
final class Mirror {
    private static final Logger log = LoggerFactory.getLogger(Mirror.class);

    private final StoreLock lock = new StoreLock();
    private final Store store;
    private final Disk disk;
    private final MessageIds ids = new MessageIds();
    private final Session session;
    private final Set<MailFolder> dirty = ConcurrentHashMap.newKeySet();
    private final FolderRecords folders;
    private final Map<MessageId, Entry> byId = new HashMap<>();

    Mirror(Store store, Disk disk) {
        this.store = store;
        this.disk = disk;
        this.folders = new FolderRecords(store, disk, dirty::add);
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(p);
    }

    Store store() {
        return store;
    }

    Disk disk() {
        return disk;
    }

    <T> T locked(Supplier<T> work) {
        return lock.locked(work);
    }

    void run(Runnable work) {
        lock.run(work);
    }

    <T> T lockedFolderWork(StoreLock.FolderWork<T> work) throws FolderException {
        return lock.lockedFolderWork(work);
    }

    void queue(StoreEvent event) {
        lock.queue(event);
    }

    void subscribe(Consumer<StoreEvent> listener) {
        lock.subscribe(listener);
    }

    /** Syncs if anything changed; cheap (no lock) when nothing did. Safe on any thread. */
    void syncDirty() {
        if (!dirty.isEmpty()) {
            lock.run(this::sync);
        }
    }

    MessageId newId(Instant at) {
        return ids.next(at);
    }

    void register(Box box) {
        lock.requireHeld();
        folders.register(box);
    }

    Optional<FolderRecord> record(MailFolder folder) {
        lock.requireHeld();
        return folders.get(folder);
    }

    List<FolderRecord> folders(Box box) {
        lock.requireHeld();
        return folders.of(box);
    }

    Optional<Entry> entry(MessageId id) {
        lock.requireHeld();
        return Optional.ofNullable(byId.get(id));
    }

    void track(Entry e) {
        lock.requireHeld();
        e.folder.byUid.put(e.uid, e);
        byId.put(e.id, e);
    }

    void markDirty(MailFolder folder) {
        dirty.add(folder);
    }

    /**
     * Removes tracked copies: their files first (so a crash can't bring back one the caller was told is
     * gone), then from GreenMail the way EXPUNGE does, so open IMAP sessions are told. Returns how many.
     */
    int remove(List<Entry> entries, boolean announce) {
        lock.requireHeld();
        Map<FolderRecord, List<Entry>> byFolder = new LinkedHashMap<>();
        for (Entry e : entries) {
            disk.remove(e.file());
            byFolder.computeIfAbsent(e.folder, f -> new ArrayList<>()).add(e);
        }
        Flags deleted = new Flags(Flags.Flag.DELETED);
        for (Map.Entry<FolderRecord, List<Entry>> group : byFolder.entrySet()) {
            MailFolder folder = group.getKey().folder;
            List<IdRange> uids = new ArrayList<>();
            for (Entry e : group.getValue()) {
                try {
                    folder.setFlags(deleted, true, e.uid, null, false);
                    uids.add(new IdRange(e.uid));
                } catch (FolderException ex) {
                    log.debug("message {} already left {}", e.id, group.getKey().name());
                }
            }
            folder.expunge(uids.toArray(new IdRange[0]));
            for (Entry e : group.getValue()) {
                group.getKey().byUid.remove(e.uid);
                byId.remove(e.id);
                if (announce) {
                    lock.queue(new StoreEvent.Deleted(e.id, e.folder.box.key()));
                }
            }
        }
        return entries.size();
    }

    /** Brings records and disk in line with every dirty folder; see the class comment for the order. */
    void sync() {
        lock.requireHeld();
        if (dirty.isEmpty()) {
            return;
        }
        List<MailFolder> work = new ArrayList<>();
        for (Iterator<MailFolder> it = dirty.iterator(); it.hasNext(); ) {
            work.add(it.next());
            it.remove();
        }
        try {
            sync(work);
        } catch (RuntimeException e) {
            // Each step updates the records only after its disk change, so a retry redoes what failed.
            dirty.addAll(work);
            throw e;
        }
    }

    private void sync(List<MailFolder> work) {
        record Added(FolderRecord rec, StoredMessage message) {
        }
        record Reflag(Entry entry, String flags) {
        }
        List<Added> added = new ArrayList<>();
        List<Reflag> reflagged = new ArrayList<>();
        // GreenMail's MOVE and COPY hand the original's Date object to the new copy
        // (HierarchicalFolder.moveMessage/copyMessage, 2.1.13): identity pairs a copy that left with one that arrived.
        Map<Date, ArrayDeque<Entry>> leaving = new IdentityHashMap<>();
        for (MailFolder folder : work) {
            Optional<FolderRecord> tracked = folders.get(folder);
            if (tracked.isEmpty()) {
                continue;
            }
            FolderRecord rec = tracked.get();
            Map<Long, StoredMessage> now = new LinkedHashMap<>();
            for (StoredMessage m : folder.getMessages()) {
                now.put(m.getUid(), m);
            }
            for (StoredMessage m : now.values()) {
                Entry e = rec.byUid.get(m.getUid());
                String flags = MaildirFlags.letters(m.getFlags());
                if (e == null) {
                    added.add(new Added(rec, m));
                } else if (!flags.equals(e.flags)) {
                    reflagged.add(new Reflag(e, flags));
                }
            }
            for (Entry e : rec.byUid.values()) {
                if (!now.containsKey(e.uid)) {
                    leaving.computeIfAbsent(e.receivedRef, d -> new ArrayDeque<>()).add(e);
                }
            }
        }
        for (Added a : added) {
            ArrayDeque<Entry> from = leaving.get(a.message().getReceivedDate());
            Entry moving = from == null ? null
                    : from.stream().filter(e -> e.folder.box.equals(a.rec().box)).findFirst().orElse(null);
            if (moving != null) {
                moved(moving, a.rec(), a.message());
                from.remove(moving);
            } else {
                created(a.rec(), a.message());
            }
        }
        for (Reflag r : reflagged) {
            MessageFile before = r.entry().file();
            disk.move(before, before.withFlags(r.flags()));
            r.entry().flags = r.flags();
        }
        for (ArrayDeque<Entry> gone : leaving.values()) {
            while (!gone.isEmpty()) {
                Entry e = gone.peek();
                disk.remove(e.file());
                e.folder.byUid.remove(e.uid);
                byId.remove(e.id);
                lock.queue(new StoreEvent.Deleted(e.id, e.folder.box.key()));
                gone.poll();
            }
        }
    }

    private void moved(Entry e, FolderRecord to, StoredMessage m) {
        MessageFile before = e.file();
        String flags = MaildirFlags.letters(m.getFlags());
        disk.move(before, new MessageFile(to.box.token(), to.path, e.id, e.received, flags));
        e.folder.byUid.remove(e.uid);
        lock.queue(new StoreEvent.Deleted(e.id, e.folder.box.key()));
        e.folder = to;
        e.uid = m.getUid();
        e.receivedRef = m.getReceivedDate();
        e.flags = flags;
        to.byUid.put(e.uid, e);
        lock.queue(new StoreEvent.Delivered(e.summary()));
    }

    private void created(FolderRecord rec, StoredMessage m) {
        byte[] bytes = bytes(m.getMimeMessage());
        Entry e = new Entry(ids.next(Instant.now()), Headers.parse(bytes), bytes.length, rec, m.getUid(),
                m.getReceivedDate(), MaildirFlags.letters(m.getFlags()));
        disk.write(e.file(), bytes);
        track(e);
        lock.queue(new StoreEvent.Delivered(e.summary()));
    }

    /** A folder GreenMail deleted (or emptied and kept, when it has children): drop its copies and directory. */
    void folderDeleted(FolderRecord rec) {
        lock.requireHeld();
        markDirty(rec.folder);
        sync();
        if (store.getMailbox(rec.folder.getFullName()) != rec.folder) {
            folders.forget(rec);
        }
    }

    void folderRenamed(FolderRecord rec, List<String> oldPath) {
        lock.requireHeld();
        folders.renamed(rec, oldPath);
    }

    /** The current bytes of a tracked copy, as GreenMail serves them over IMAP. */
    byte[] bytes(Entry e) {
        lock.requireHeld();
        StoredMessage m = e.folder.folder.getMessage(e.uid);
        if (m == null) {
            throw new IllegalStateException("message " + e.id + " is recorded but not in " + e.folder.name());
        }
        return bytes(m.getMimeMessage());
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("can't serialize a stored message", e);
        }
    }

    MimeMessage parse(byte[] bytes) {
        try {
            // Shared: the content is not copied out of bytes, only the header lines are parsed.
            return new MimeMessage(session, new SharedByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not an RFC 5322 message: " + e.getMessage(), e);
        }
    }
}
