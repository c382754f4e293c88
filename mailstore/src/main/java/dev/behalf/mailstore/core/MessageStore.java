package dev.behalf.mailstore.core;

import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.mailstore.durable.Maildir;
import dev.behalf.mailstore.durable.Maildir.MessageFile;
import dev.behalf.message.HeaderSection;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Behalf's message store, the only source of truth for mail: what SMTP delivers into, what the JSON
 * API, the web UI and the JUnit extension read, and what IMAP and POP3 serve (through GreenMail's
 * storage interfaces, in {@code dev.behalf.mailstore.greenmail}).
 *
 * <p>A delivery is one {@link Message} (its bytes, once) and one {@link Slot} per placement, so a
 * message to fifty recipients and its Sent Items copy is one message and 51 small slots. Folders keep
 * their slots in UID order ({@link Folder}). One lock guards everything ({@link StoreLock}); every
 * change is told to the folder's {@link Watcher}s under it, and published as a {@link StoreEvent}
 * after it.
 *
 * <p>Durability with a data dir ({@link Maildir}): a delivery, an IMAP APPEND, COPY or MOVE, an
 * expunge and an API delete are on disk before the call returns. Flag changes are applied at once
 * and renamed on disk at the next {@link #sync()}, which the IMAP and POP3 sessions call before they
 * send a reply: a STORE over a whole folder costs one fsync, and no client is told of a change the
 * disk does not have.
 */
public final class MessageStore implements MailStore {
    private static final Logger log = LoggerFactory.getLogger(MessageStore.class);
    private static final Comparator<Slot> NEWEST_FIRST = Comparator.comparingLong((Slot s) -> s.message.received())
            .thenComparingLong(s -> s.idHigh).thenComparing(s -> s.idLow, Long::compareUnsigned).reversed();

    private final StoreLock lock = new StoreLock();
    private final Disk disk;
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final MessageIds ids = new MessageIds();
    private final SlotIndex byId = new SlotIndex();
    private final Interner interner = new Interner();
    private final Map<MailboxKey, Box> boxes = new ConcurrentHashMap<>();
    private final Map<String, Box> byToken = new ConcurrentHashMap<>();
    /** Slots whose flags changed since the last sync (durable stores only); may hold repeats and removed ones. */
    private final List<Slot> unsynced = new ArrayList<>();
    /** Whether {@link #unsynced} may hold work: lets {@link #sync()} skip the lock when nothing changed. */
    private volatile boolean dirty;
    private long lastUidValidity;

    /** Work under the store's lock that may throw a checked exception of its own. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public MessageStore(Optional<Maildir> maildir, Supplier<Directory> directory, Clock clock) {
        this.disk = Disk.of(maildir);
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- the lock

    public <T, E extends Exception> T locked(Work<T, E> work) throws E {
        return lock.call(work::run);
    }

    /** The lock itself, for hot paths (one call per message of a FETCH): always {@link #unlock()} in a finally. */
    public void lock() {
        lock.acquire();
    }

    public void unlock() {
        lock.release();
    }

    public void run(Runnable work) {
        lock.call(() -> {
            work.run();
            return null;
        });
    }

    // ---- boxes

    /** The box for {@code key}, made (with INBOX and Sent Items) when it doesn't exist yet. */
    public Box box(MailboxKey key, String label) {
        Box existing = boxes.get(key);
        if (existing != null) {
            return existing;
        }
        return lock.call(() -> {
            Box again = boxes.get(key);
            if (again != null) {
                return again;
            }
            Box box = new Box(key, Tokens.of(key), label, uidValidity(false));
            disk.createFolder(box.token(), List.of());
            addFolder(box.root, dev.behalf.mailstore.Folders.INBOX, true, false);
            addFolder(box.root, dev.behalf.mailstore.Folders.SENT_ITEMS, true, false);
            boxes.put(key, box);
            byToken.put(box.token(), box);
            return box;
        });
    }

    /** The box a directory mailbox has (made if need be). */
    public Box box(Recipient mailbox) {
        return box(new MailboxKey.Mailbox(mailbox.id()), label(mailbox));
    }

    public Optional<Box> box(MailboxKey key) {
        return Optional.ofNullable(boxes.get(key));
    }

    public Optional<Box> boxByToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public Collection<Box> boxes() {
        return List.copyOf(boxes.values());
    }

    private static String label(Recipient r) {
        return r.primarySmtpAddress().map(SmtpAddress::toString).orElse(r.name());
    }

    /**
     * UIDVALIDITY for a new folder. Folders made at start share the second the store opened; a folder a
     * client creates gets a value above every earlier one, so one deleted and created again under the
     * same name never shows a client old UIDs under the old validity (RFC 3501 §2.3.1.1).
     */
    private long uidValidity(boolean fresh) {
        long now = clock.millis() / 1000;
        lastUidValidity = fresh ? Math.max(now, lastUidValidity + 1) : Math.max(now, lastUidValidity);
        return lastUidValidity;
    }

    // ---- folders

    /** Makes a folder below {@code parent}; names hold no {@code .} (IMAP's hierarchy delimiter here). */
    public Folder createFolder(Folder parent, String name, boolean selectable) {
        return lock.call(() -> addFolder(parent, name, selectable, true));
    }

    private Folder addFolder(Folder parent, String name, boolean selectable, boolean fresh) {
        if (name.isEmpty() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("folder name '" + name + "' is empty or holds the hierarchy delimiter '.'");
        }
        if (parent.child(name) != null) {
            throw new IllegalArgumentException("folder " + name + " already exists in " + parent.pathName());
        }
        Folder f = new Folder(parent.box, parent, name, selectable, uidValidity(fresh));
        disk.createFolder(parent.box.token(), f.path());
        parent.addChild(f);
        return f;
    }

    /** The box's folder at a {@code .}-separated path, made (selectable, with its parents) when missing. */
    public Folder folder(Box box, String pathName) {
        return lock.call(() -> {
            Folder f = box.root;
            for (String segment : pathName.split("\\.", -1)) {
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException("folder name '" + pathName + "' has an empty segment");
                }
                Folder c = f.child(segment);
                f = c != null ? c : addFolder(f, segment, true, false);
            }
            return f;
        });
    }

    public void setSelectable(Folder folder, boolean selectable) {
        run(() -> folder.selectable = selectable);
    }

    /** Deletes an empty folder without children (its directory on disk first) and tells its watchers. */
    public void deleteFolder(Folder folder) {
        run(() -> {
            if (folder.isRoot() || !folder.children().isEmpty() || folder.size() > 0) {
                throw new IllegalArgumentException("folder " + folder.pathName() + " is a box root, has children or holds messages");
            }
            disk.deleteFolder(folder.box.token(), folder.path());
            folder.parent.removeChild(folder);
            folder.watchers().forEach(Watcher::deleted);
        });
    }

    /** Renames or re-parents a folder within its box, with everything below it. */
    public void renameFolder(Folder folder, Folder newParent, String newName) {
        run(() -> {
            if (folder.isRoot() || newParent.box != folder.box || folder.contains(newParent)) {
                throw new IllegalArgumentException("can't move " + folder.pathName() + " into " + newParent.pathName());
            }
            if (newName.isEmpty() || newName.indexOf('.') >= 0 || (newParent.child(newName) != null && newParent.child(newName) != folder)) {
                throw new IllegalArgumentException("can't rename " + folder.pathName() + " to '" + newName + "'");
            }
            List<String> from = folder.path();
            List<String> to = new ArrayList<>(newParent.path());
            to.add(newName);
            if (!from.equals(to)) {
                disk.renameFolder(folder.box.token(), from, to);
            }
            folder.parent.removeChild(folder);
            folder.name = newName;
            folder.parent = newParent;
            newParent.addChild(folder);
            folder.forgetNames();
        });
    }

    public void watch(Folder folder, Watcher watcher) {
        run(() -> folder.watch(watcher));
    }

    public void unwatch(Folder folder, Watcher watcher) {
        run(() -> folder.unwatch(watcher));
    }

    /** Tells a folder's watchers it is gone (IMAP DELETE does this before removing it). */
    public void signalDeleted(Folder folder) {
        run(() -> folder.watchers().forEach(Watcher::deleted));
    }

    /** Clears {@code \Recent} in a folder; returns how many had it. */
    public int clearRecent(Folder folder) {
        return lock.call(folder::clearRecent);
    }

    // ---- the MailStore API

    /**
     * Disk first (written, fsynced, linked into every folder), then memory: visible only once durable.
     * The delivery's bytes become the store's (no copy is made): the caller must not change them.
     */
    @Override
    public List<MessageSummary> deliver(Delivery delivery) {
        long now = clock.millis();
        Message message = new Message(delivery.headers(), now, interner);
        return lock.call(() -> {
            List<Folder> targets = new ArrayList<>(delivery.placements().size());
            for (Placement p : delivery.placements()) {
                targets.add(folder(boxFor(p.mailbox()), p.folder()));
            }
            List<Slot> slots = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                slots.add(new Slot(message, ids.nextHigh(now), ids.nextLow(), FlagSet.RECENT));
            }
            if (disk.durable()) {
                List<MessageFile> files = new ArrayList<>(slots.size());
                for (int i = 0; i < slots.size(); i++) {
                    files.add(file(targets.get(i), slots.get(i), 0));
                }
                disk.deliver(files, message.bytes());
            }
            Placed[] copies = new Placed[slots.size()];
            for (int i = 0; i < copies.length; i++) {
                Slot s = slots.get(i);
                place(targets.get(i), s);
                copies[i] = Placed.of(s);
                announceDelivered(copies[i]);
            }
            return new Copies(copies);
        });
    }

    /**
     * A placement as it was when read under the lock. Its summary, which may read the message's header section the
     * first time ({@link Message#summary()}), is made from it afterwards, outside the lock: listing a large folder
     * for the first time does not hold up deliveries.
     */
    private record Placed(MessageId id, MailboxKey box, String folder, Message message, boolean seen) {
        /** Call under the lock. */
        static Placed of(Slot s) {
            return new Placed(s.id(), s.folder.box.key(), s.folder.pathName(), s.message, FlagSet.has(s.flags, FlagSet.SEEN));
        }

        MessageSummary summary() {
            Summary h = message.summary();
            return new MessageSummary(id, box, folder, h.submissionId(), h.messageId(), h.subject(), h.from(), h.sender(),
                    h.to(), Instant.ofEpochMilli(message.received()), message.size(), seen);
        }
    }

    /**
     * The copies a delivery stored, as they were when stored; each copy's summary is made when asked for. The
     * gateway does not ask, so an SMTP submission nobody lists never reads its summary (see {@link Message}).
     */
    private static final class Copies extends AbstractList<MessageSummary> implements RandomAccess {
        private final Placed[] copies;

        Copies(Placed[] copies) {
            this.copies = copies;
        }

        @Override
        public MessageSummary get(int index) {
            return copies[index].summary();
        }

        @Override
        public int size() {
            return copies.length;
        }
    }

    private Box boxFor(MailboxKey key) {
        Box known = boxes.get(key);
        if (known != null) {
            return known;
        }
        if (key instanceof MailboxKey.External x) {
            return box(key, x.address().toString());
        }
        RecipientId id = ((MailboxKey.Mailbox) key).id();
        Recipient r = directory.get().get(id).filter(x -> x.type().hasMailbox()).orElseThrow(() ->
                new IllegalArgumentException("no store mailbox with Guid " + id + " in the directory"));
        return box(r);
    }

    /** Appends a slot to a folder, indexes it and tells the folder's watchers. */
    private void place(Folder folder, Slot slot) {
        int msn = folder.append(slot);
        if (!byId.add(slot)) {
            folder.removeAt(msn - 1);
            throw new IllegalStateException("message id " + slot.id() + " is already stored");
        }
        for (Watcher w : folder.watchers()) {
            w.added(msn);
        }
    }

    @Override
    public List<MailboxSummary> mailboxes() {
        return lock.call(() -> {
            Directory d = directory.get();
            List<MailboxSummary> out = new ArrayList<>();
            for (Recipient r : d.recipients()) {
                if (r.type().hasMailbox()) {
                    out.add(summary(box(r), r.displayName(), label(r)));
                }
            }
            boxes.values().stream()
                    .filter(b -> b.key() instanceof MailboxKey.External)
                    .sorted(Comparator.comparing(b -> ((MailboxKey.External) b.key()).address().toString()))
                    .forEach(b -> {
                        SmtpAddress a = ((MailboxKey.External) b.key()).address();
                        out.add(summary(b, externalName(d, a), a.toString()));
                    });
            return out;
        });
    }

    private static MailboxSummary summary(Box box, String displayName, String address) {
        List<MailboxSummary.FolderSummary> folders = box.folders().stream()
                .map(f -> new MailboxSummary.FolderSummary(f.pathName(), f.size(), f.unseen())).toList();
        return new MailboxSummary(box.key(), displayName, address, folders);
    }

    private static String externalName(Directory d, SmtpAddress address) {
        return d.recipients().stream()
                .filter(r -> r.type() == RecipientTypeDetails.MailUser && r.externalEmailAddress().map(address::equals).orElse(false))
                .map(Recipient::displayName).findFirst().orElse(address.toString());
    }

    @Override
    public List<MessageSummary> list(MailboxKey key, String folderName) {
        Placed[] placed = placed(key, folderName);
        List<MessageSummary> out = new ArrayList<>(placed.length);
        for (Placed p : placed) {
            out.add(p.summary());
        }
        return out;
    }

    /** The placements of a folder, newest first, as they are now. */
    private Placed[] placed(MailboxKey key, String folderName) {
        return lock.call(() -> {
            Box box = boxes.get(key);
            Folder f = box == null ? null : box.folder(folderName);
            if (f == null) {
                return new Placed[0];
            }
            Slot[] slots = f.snapshot();
            Arrays.sort(slots, NEWEST_FIRST);
            Placed[] placed = new Placed[slots.length];
            for (int i = 0; i < slots.length; i++) {
                placed[i] = Placed.of(slots[i]);
            }
            return placed;
        });
    }

    @Override
    public Optional<StoredMessage> fetch(MessageId id) {
        return lock.call(() -> slot(id).map(Placed::of)).map(p -> new StoredMessage(p.summary(), p.message().bytes().clone()));
    }

    /** The live slot with this id. */
    public Optional<Slot> slot(MessageId id) {
        Optional<long[]> parsed = MessageIds.parse(id.value());
        return parsed.flatMap(p -> lock.call(() -> Optional.ofNullable(byId.get(p[0], p[1]))));
    }

    @Override
    public boolean delete(MessageId id) {
        return lock.call(() -> {
            Optional<Slot> s = slot(id);
            s.ifPresent(slot -> remove(List.of(slot), true));
            return s.isPresent();
        });
    }

    @Override
    public int purge(MailboxKey key) {
        return lock.call(() -> Optional.ofNullable(boxes.get(key)).map(this::purge).orElse(0));
    }

    @Override
    public int purgeAll() {
        return lock.call(() -> boxes.values().stream().mapToInt(this::purge).sum());
    }

    private int purge(Box box) {
        List<Slot> all = new ArrayList<>();
        for (Folder f : box.folders()) {
            all.addAll(Arrays.asList(f.snapshot()));
        }
        remove(all, false);
        if (!all.isEmpty() && lock.hasSubscribers()) {
            lock.queue(new StoreEvent.Purged(box.key()));
        }
        return all.size();
    }

    /**
     * Removes slots: their files first (so a crash can't bring back one the caller was told is gone),
     * then from their folders, each folder's watchers told highest sequence number first.
     */
    private void remove(List<Slot> slots, boolean announce) {
        List<Slot> doomed = slots.stream().filter(s -> !s.removed()).toList();
        if (doomed.isEmpty()) {
            return;
        }
        if (disk.durable()) {
            disk.removeAll(doomed.stream().map(this::file).toList());
        }
        Map<Folder, List<Slot>> byFolder = new LinkedHashMap<>();
        for (Slot s : doomed) {
            byFolder.computeIfAbsent(s.folder, f -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Folder, List<Slot>> group : byFolder.entrySet()) {
            Folder f = group.getKey();
            int[] indices = new int[group.getValue().size()];
            int n = 0;
            for (Slot s : group.getValue()) {
                indices[n++] = f.indexOf(s);
            }
            Arrays.sort(indices);
            f.removeAll(indices, n);
            List<Watcher> watchers = f.watchers();
            for (int i = n - 1; i >= 0; i--) {
                for (Watcher w : watchers) {
                    w.expunged(indices[i] + 1);
                }
            }
            for (Slot s : group.getValue()) {
                byId.remove(s);
                if (announce && lock.hasSubscribers()) {
                    lock.queue(new StoreEvent.Deleted(s.id(), f.box.key()));
                }
            }
        }
    }

    @Override
    public void subscribe(Consumer<StoreEvent> listener) {
        lock.subscribe(Objects.requireNonNull(listener, "listener"));
    }

    /** Makes the last flag changes durable. */
    @Override
    public void close() {
        sync();
    }

    // ---- what IMAP and POP3 clients do

    /**
     * A message to store from bytes nobody has parsed (IMAP APPEND, a restart), read with the one header
     * parser; {@code bytes} become the store's. Call outside the lock.
     */
    public Message message(byte[] bytes, long internalDate) {
        return message(HeaderSection.read(bytes), internalDate);
    }

    /** A message to store from its parsed header section; its bytes become the store's. Call outside the lock. */
    public Message message(HeaderSection headers, long internalDate) {
        return new Message(headers, internalDate, interner);
    }

    /** IMAP APPEND: a new message in one folder, on disk before this returns. */
    public Slot append(Folder folder, Message message, int flags, Set<String> keywords) {
        return lock.call(() -> {
            requireSelectable(folder);
            Slot s = new Slot(message, ids.nextHigh(clock.millis()), ids.nextLow(),
                    (flags & FlagSet.PERSISTED) | FlagSet.RECENT);
            if (disk.durable()) {
                disk.write(file(folder, s, s.diskFlags), message.bytes());
            }
            place(folder, s);
            folder.keywords(s, keywords);
            announceDelivered(s);
            return s;
        });
    }

    /** IMAP COPY: a new placement of the same message (a hard link on disk), with a new id. */
    public Slot copy(Slot source, Folder to) {
        return lock.call(() -> {
            requireLive(source);
            requireSelectable(to);
            Slot s = new Slot(source.message, ids.nextHigh(clock.millis()), ids.nextLow(),
                    (source.flags & FlagSet.PERSISTED) | FlagSet.RECENT);
            if (disk.durable()) {
                disk.link(file(source), file(to, s, s.diskFlags));
            }
            Set<String> keywords = source.folder.keywords(source);
            place(to, s);
            to.keywords(s, keywords);
            announceDelivered(s);
            return s;
        });
    }

    /** IMAP MOVE: the placement itself goes to another folder of its box, keeping its id (one rename on disk). */
    public Slot move(Slot slot, Folder to) {
        return lock.call(() -> {
            requireLive(slot);
            requireSelectable(to);
            Folder from = slot.folder;
            if (to.box != from.box) {
                throw new IllegalArgumentException("a message moves within its box, not from " + from + " to " + to);
            }
            if (disk.durable()) {
                int now = slot.flags & FlagSet.PERSISTED;
                disk.renameAll(List.of(new Maildir.Rename(file(slot), file(to, slot, now))));
                slot.diskFlags = (byte) now;
            }
            Set<String> keywords = from.keywords(slot);
            int index = from.indexOf(slot);
            from.removeAt(index);
            byId.remove(slot);
            for (Watcher w : from.watchers()) {
                w.expunged(index + 1);
            }
            if (lock.hasSubscribers()) {
                lock.queue(new StoreEvent.Deleted(slot.id(), from.box.key()));
            }
            slot.flags |= FlagSet.RECENT;
            place(to, slot);
            to.keywords(slot, keywords);
            announceDelivered(slot);
            return slot;
        });
    }

    /** Moves every message of a folder, in order (IMAP RENAME of INBOX, which leaves INBOX in place and empty). */
    public void moveAll(Folder from, Folder to) {
        run(() -> {
            for (Slot s : from.snapshot()) {
                move(s, to);
            }
        });
    }

    /** Call under the lock: the event keeps the copy as it is now, and makes its summary from that when asked. */
    private void announceDelivered(Placed p) {
        if (lock.hasSubscribers()) {
            lock.queue(new StoreEvent.Delivered(p.id(), p.box(), p.folder(), p::summary));
        }
    }

    private void announceDelivered(Slot s) {
        if (lock.hasSubscribers()) {
            announceDelivered(Placed.of(s));
        }
    }

    /**
     * Sets a placement's flags and keywords ({@code keywords} null: unchanged); {@code \Recent} stays as it
     * is (RFC 3501 §2.3.2). {@code notify} tells every watcher of the folder but {@code silent}; a removed
     * slot is left alone.
     */
    public void setFlags(Slot slot, int flags, Set<String> keywords, Watcher silent, boolean withUid, boolean notify) {
        setFlags(slot, -1, flags, keywords, silent, withUid, notify);
    }

    /** As {@link #setFlags(Slot, int, Set, Watcher, boolean, boolean)}, the slot's index known ({@code index}) or not (-1). */
    public void setFlags(Slot slot, int index, int flags, Set<String> keywords, Watcher silent, boolean withUid, boolean notify) {
        lock.acquire();
        try {
            if (slot.removed()) {
                return;
            }
            Folder f = slot.folder;
            int msn = f.reflag(slot, (flags & ~FlagSet.RECENT) | (slot.flags & FlagSet.RECENT), index);
            if (keywords != null) {
                f.keywords(slot, keywords);
            }
            if (disk.durable() && (slot.flags & FlagSet.PERSISTED) != slot.diskFlags) {
                unsynced.add(slot);
                dirty = true;
            }
            if (notify) {
                for (Watcher w : f.watchers()) {
                    if (w != silent) {
                        w.flagsChanged(msn, slot, withUid);
                    }
                }
            }
        } finally {
            lock.release();
        }
    }

    /** IMAP EXPUNGE / POP3 QUIT: removes the folder's messages flagged {@code \Deleted} whose UID passes. */
    public int expunge(Folder folder, LongPredicate uids) {
        return lock.call(() -> {
            List<Slot> doomed = new ArrayList<>();
            for (Slot s : folder.snapshot()) {
                if (FlagSet.has(s.flags, FlagSet.DELETED) && uids.test(s.uid)) {
                    doomed.add(s);
                }
            }
            remove(doomed, true);
            return doomed.size();
        });
    }

    /** Removes every message of a folder (IMAP DELETE of a folder that has children). */
    public void removeAll(Folder folder) {
        run(() -> remove(Arrays.asList(folder.snapshot()), true));
    }

    /** Renames the files of every flag change since the last sync, one fsync per directory. Safe on any thread. */
    public void sync() {
        if (!dirty) {
            return;
        }
        run(() -> {
            if (unsynced.isEmpty()) {
                dirty = false;
                return;
            }
            List<Maildir.Rename> renames = new ArrayList<>();
            List<Slot> changed = new ArrayList<>();
            Set<Slot> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Slot s : unsynced) {
                int now = s.flags & FlagSet.PERSISTED;
                if (!s.removed() && now != s.diskFlags && seen.add(s)) {
                    renames.add(new Maildir.Rename(file(s), file(s.folder, s, now)));
                    changed.add(s);
                }
            }
            // On failure nothing is cleared: the next sync tries again, and Maildir skips what was done.
            disk.renameAll(renames);
            for (Slot s : changed) {
                s.diskFlags = (byte) (s.flags & FlagSet.PERSISTED);
            }
            unsynced.clear();
            dirty = false;
        });
    }

    private static void requireLive(Slot s) {
        if (s.removed()) {
            throw new IllegalArgumentException("message " + s.id() + " is no longer stored");
        }
    }

    private static void requireSelectable(Folder f) {
        if (!f.selectable || (f.parent != null && f.parent.child(f.name) != f)) {
            throw new IllegalArgumentException("folder " + f.pathName() + " can't hold messages");
        }
    }

    /** The file a slot has on disk now. */
    private MessageFile file(Slot s) {
        return file(s.folder, s, s.diskFlags);
    }

    private static MessageFile file(Folder folder, Slot s, int flags) {
        return new MessageFile(folder.box.token(), folder.path(), s.id(), s.message.received(), FlagSet.letters(flags));
    }

    /** What a list view shows of a placement. Call under the lock. */
    public MessageSummary summary(Slot s) {
        return Placed.of(s).summary();
    }

    // ---- the directory and the data dir

    /** Every directory mailbox gets its box (with INBOX and Sent Items) as soon as it exists. */
    public void directoryChanged(Directory d) {
        run(() -> {
            for (Recipient r : d.recipients()) {
                if (r.type().hasMailbox()) {
                    box(r);
                }
            }
        });
    }

    /**
     * Loads a durable store's boxes, folders and placements, with their ids and flags. Files that are
     * hard links of one another (a delivery to several folders, an IMAP COPY) come back as one message.
     */
    public void restore() {
        Optional<Maildir.Contents> loaded = disk.load();
        if (loaded.isEmpty()) {
            return;
        }
        Maildir.Contents contents = loaded.get();
        run(() -> {
            Map<String, Box> restoredBoxes = new HashMap<>();
            for (String token : contents.boxes()) {
                Optional<MailboxKey> key = Tokens.parse(token);
                if (key.isEmpty()) {
                    log.warn("Ignoring box directory {}: not a box name this store writes", token);
                    continue;
                }
                String label = key.get() instanceof MailboxKey.External x ? x.address().toString()
                        : directory.get().get(((MailboxKey.Mailbox) key.get()).id()).map(MessageStore::label).orElse(token);
                restoredBoxes.put(token, box(key.get(), label));
            }
            for (Maildir.Folder f : contents.folders()) {
                Box b = restoredBoxes.get(f.box());
                if (b != null && !f.path().isEmpty()) {
                    folder(b, String.join(".", f.path()));
                }
            }
            // The same file (hard links) with the same internal date is the same message.
            Map<List<Object>, Message> byFile = new HashMap<>();
            int restored = 0;
            for (MessageFile m : contents.messages()) {
                Box b = restoredBoxes.get(m.box());
                Folder f = b == null ? null : b.folder(String.join(".", m.folder()));
                Optional<long[]> id = MessageIds.parse(m.id().value());
                if (f == null || id.isEmpty()) {
                    log.warn("Skipping message file {}: not in a folder, or not an id this store writes", m);
                    continue;
                }
                try {
                    Object inode = disk.fileKey(m);
                    List<Object> key = inode == null ? null : List.of(inode, m.received());
                    Message message = key == null ? null : byFile.get(key);
                    if (message == null) {
                        message = message(disk.read(m), m.received());
                        if (key != null) {
                            byFile.put(key, message);
                        }
                    }
                    int flags = FlagSet.fromLetters(m.flags());
                    place(f, new Slot(message, id.get()[0], id.get()[1], flags | FlagSet.RECENT));
                    restored++;
                } catch (RuntimeException e) {
                    log.warn("Skipping message file {} that can't be loaded: {}", m, e.getMessage());
                }
            }
            log.info("Restored {} stored message(s) ({} distinct) in {} box(es) from the data dir", restored,
                    byFile.size(), restoredBoxes.size());
        });
    }
}
