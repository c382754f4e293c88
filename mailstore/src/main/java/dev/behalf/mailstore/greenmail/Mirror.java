package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.durable.Maildir.MessageFile;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps Behalf's view of stored mail (message ids, summaries, files on disk) in step with GreenMail's
 * in-memory store, whatever changed it: a delivery, an API call, or an IMAP/POP3 client.
 *
 * <p>GreenMail tells folder listeners about appends, expunges and flag changes on the thread that made
 * them; a listener here only marks the folder dirty. {@link #sync()} then compares each dirty folder with
 * what was recorded and writes the difference to disk: new copies first, then moves and flag changes
 * (a rename each), then removals, so a crash between steps can lose no copy. IMAP and POP3 sessions sync
 * before they send a reply, the API before it returns, so whatever a client was told is on disk.
 *
 * <p>One lock guards everything here; it is always taken before any GreenMail folder monitor, never
 * after. Events are published after the outermost lock is released, on the thread that made the change.
 */
final class Mirror {
    private static final Logger log = LoggerFactory.getLogger(Mirror.class);
    private static final String ROOT = ImapConstants.USER_NAMESPACE + ImapConstants.HIERARCHY_DELIMITER;

    private final ReentrantLock lock = new ReentrantLock();
    private final Store store;
    private final Disk disk;
    private final MessageIds ids = new MessageIds();
    private final Session session;
    private final Map<MailFolder, FolderRecord> records = new IdentityHashMap<>();
    private final Map<MessageId, Entry> byId = new HashMap<>();
    private final Set<MailFolder> dirty = ConcurrentHashMap.newKeySet();
    private final List<StoreEvent> pending = new ArrayList<>();
    private final List<Consumer<StoreEvent>> subscribers = new CopyOnWriteArrayList<>();

    Mirror(Store store, Disk disk) {
        this.store = store;
        this.disk = disk;
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

    /** Runs {@code work} holding the lock; events it queued are published once the outermost hold ends. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        List<StoreEvent> publish = List.of();
        try {
            return work.get();
        } finally {
            if (lock.getHoldCount() == 1 && !pending.isEmpty()) {
                publish = new ArrayList<>(pending);
                pending.clear();
            }
            lock.unlock();
            publish.forEach(this::publish);
        }
    }

    /** Work on GreenMail folders that may throw GreenMail's checked {@link FolderException}. */
    interface FolderWork<T> {
        T run() throws FolderException;
    }

    <T> T lockedFolderWork(FolderWork<T> work) throws FolderException {
        try {
            return locked(() -> {
                try {
                    return work.run();
                } catch (FolderException e) {
                    throw new Carrier(e);
                }
            });
        } catch (Carrier c) {
            throw c.folderException;
        }
    }

    /** Carries a checked {@link FolderException} through {@link #locked}. */
    private static final class Carrier extends RuntimeException {
        private final FolderException folderException;

        Carrier(FolderException e) {
            super(e);
            this.folderException = e;
        }
    }

    void run(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /** Syncs if anything changed; cheap (no lock) when nothing did. Safe on any thread. */
    void syncDirty() {
        if (!dirty.isEmpty()) {
            run(this::sync);
        }
    }

    void subscribe(Consumer<StoreEvent> listener) {
        subscribers.add(listener);
    }

    void queue(StoreEvent event) {
        requireLock();
        pending.add(event);
    }

    private void publish(StoreEvent event) {
        for (Consumer<StoreEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                log.warn("A store event listener failed on {}", event, e);
            }
        }
    }

    MessageId newId(Instant at) {
        return ids.next(at);
    }

    /** Starts tracking every folder of the box that isn't tracked yet (creating its directory on disk). */
    void register(Box box) {
        requireLock();
        MailFolder root = store.getMailbox(ROOT + box.token());
        if (root == null) {
            throw new IllegalStateException("box " + box.token() + " has no folder tree in the store");
        }
        disk.createFolder(box.token(), List.of());
        registerChildren(box, root, List.of());
    }

    private void registerChildren(Box box, MailFolder parent, List<String> parentPath) {
        for (MailFolder child : store.getChildren(parent)) {
            List<String> path = new ArrayList<>(parentPath);
            path.add(child.getName());
            if (!records.containsKey(child)) {
                records.put(child, new FolderRecord(box, child, path));
                child.addListener(new DirtyMarker(child));
                disk.createFolder(box.token(), path);
            }
            registerChildren(box, child, path);
        }
    }

    Optional<FolderRecord> record(MailFolder folder) {
        requireLock();
        return Optional.ofNullable(records.get(folder));
    }

    /** The box's tracked folders: INBOX, Sent Items, then the rest by name. */
    List<FolderRecord> folders(Box box) {
        requireLock();
        return records.values().stream().filter(r -> r.box.equals(box)).sorted(Comparator
                .comparingInt((FolderRecord r) -> rank(r.name())).thenComparing(FolderRecord::name)).toList();
    }

    private static int rank(String name) {
        return name.equalsIgnoreCase(Folders.INBOX) ? 0 : name.equals(Folders.SENT_ITEMS) ? 1 : 2;
    }

    Optional<Entry> entry(MessageId id) {
        requireLock();
        return Optional.ofNullable(byId.get(id));
    }

    void track(Entry e) {
        requireLock();
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
        requireLock();
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
                    pending.add(new StoreEvent.Deleted(e.id, e.folder.box.key()));
                }
            }
        }
        return entries.size();
    }

    /** Brings records and disk in line with every dirty folder; see the class comment for the order. */
    void sync() {
        requireLock();
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
        Map<Date, ArrayDeque<Entry>> leaving = new IdentityHashMap<>();
        for (MailFolder folder : work) {
            FolderRecord rec = records.get(folder);
            if (rec == null) {
                continue;
            }
            Map<Long, StoredMessage> now = new LinkedHashMap<>();
            for (StoredMessage m : folder.getMessages()) {
                now.put(m.getUid(), m);
            }
            for (StoredMessage m : now.values()) {
                Entry e = rec.byUid.get(m.getUid());
                String flags = letters(m.getFlags());
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
                pending.add(new StoreEvent.Deleted(e.id, e.folder.box.key()));
                gone.poll();
            }
        }
    }

    private void moved(Entry e, FolderRecord to, StoredMessage m) {
        MessageFile before = e.file();
        String flags = letters(m.getFlags());
        disk.move(before, new MessageFile(to.box.token(), to.path, e.id, e.received, flags));
        e.folder.byUid.remove(e.uid);
        pending.add(new StoreEvent.Deleted(e.id, e.folder.box.key()));
        e.folder = to;
        e.uid = m.getUid();
        e.receivedRef = m.getReceivedDate();
        e.flags = flags;
        to.byUid.put(e.uid, e);
        pending.add(new StoreEvent.Delivered(e.summary()));
    }

    private void created(FolderRecord rec, StoredMessage m) {
        byte[] bytes = bytes(m.getMimeMessage());
        Entry e = new Entry(ids.next(Instant.now()), Headers.parse(bytes), bytes.length, rec, m.getUid(),
                m.getReceivedDate(), letters(m.getFlags()));
        disk.write(e.file(), bytes);
        track(e);
        pending.add(new StoreEvent.Delivered(e.summary()));
    }

    /** The current bytes of a tracked copy, as GreenMail serves them over IMAP. */
    byte[] bytes(Entry e) {
        requireLock();
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
            return new MimeMessage(session, new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not an RFC 5322 message: " + e.getMessage(), e);
        }
    }

    /** A folder GreenMail deleted (or emptied and kept, when it has children): drop its copies and directory. */
    void folderDeleted(FolderRecord rec) {
        requireLock();
        markDirty(rec.folder);
        sync();
        if (store.getMailbox(rec.folder.getFullName()) != rec.folder) {
            disk.deleteFolder(rec.box.token(), rec.path);
            records.remove(rec.folder);
        }
    }

    /** A folder GreenMail renamed in place: rename its directory and every path below it. */
    void folderRenamed(FolderRecord rec, List<String> oldPath) {
        requireLock();
        List<String> newPath = path(rec.box, rec.folder);
        if (newPath.equals(oldPath)) {
            return;
        }
        disk.renameFolder(rec.box.token(), oldPath, newPath);
        for (FolderRecord r : records.values()) {
            if (r.box.equals(rec.box) && r.path.size() >= oldPath.size() && r.path.subList(0, oldPath.size()).equals(oldPath)) {
                List<String> moved = new ArrayList<>(newPath);
                moved.addAll(r.path.subList(oldPath.size(), r.path.size()));
                r.path = List.copyOf(moved);
            }
        }
    }

    static List<String> path(Box box, MailFolder folder) {
        String full = folder.getFullName();
        String prefix = ROOT + box.token() + ImapConstants.HIERARCHY_DELIMITER;
        if (!full.startsWith(prefix)) {
            throw new IllegalStateException("folder " + full + " is not in box " + box.token());
        }
        return Arrays.asList(full.substring(prefix.length()).split("\\" + ImapConstants.HIERARCHY_DELIMITER));
    }

    /** IMAP system flags as Maildir letters (D draft, F flagged, R answered, S seen, T deleted). */
    static String letters(Flags flags) {
        StringBuilder sb = new StringBuilder(5);
        if (flags.contains(Flags.Flag.DRAFT)) {
            sb.append('D');
        }
        if (flags.contains(Flags.Flag.FLAGGED)) {
            sb.append('F');
        }
        if (flags.contains(Flags.Flag.ANSWERED)) {
            sb.append('R');
        }
        if (flags.contains(Flags.Flag.SEEN)) {
            sb.append('S');
        }
        if (flags.contains(Flags.Flag.DELETED)) {
            sb.append('T');
        }
        return sb.toString();
    }

    static Flags flags(String letters) {
        Flags f = new Flags();
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'D' -> f.add(Flags.Flag.DRAFT);
                case 'F' -> f.add(Flags.Flag.FLAGGED);
                case 'R' -> f.add(Flags.Flag.ANSWERED);
                case 'S' -> f.add(Flags.Flag.SEEN);
                case 'T' -> f.add(Flags.Flag.DELETED);
                default -> throw new IllegalArgumentException("not a Maildir flag: " + c);
            }
        }
        return f;
    }

    private void requireLock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the mirror's lock must be held");
        }
    }

    /** Marks its folder dirty on any change; runs on the changing thread, so it takes no lock. */
    private final class DirtyMarker implements FolderListener {
        private final MailFolder folder;

        DirtyMarker(MailFolder folder) {
            this.folder = folder;
        }

        @Override
        public void expunged(int msn) {
            dirty.add(folder);
        }

        @Override
        public void added(int msn) {
            dirty.add(folder);
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
            dirty.add(folder);
        }

        @Override
        public void mailboxDeleted() {
            dirty.add(folder);
        }
    }
}
