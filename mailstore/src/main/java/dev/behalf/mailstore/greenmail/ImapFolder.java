package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.foedus.util.MsgRangeFilter;
import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import dev.behalf.mailstore.core.FlagSet;
import dev.behalf.mailstore.core.Folder;
import dev.behalf.mailstore.core.Message;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.mailstore.core.Slot;
import dev.behalf.mailstore.core.Watcher;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SearchTerm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * One folder of the store as GreenMail's {@link MailFolder}: every IMAP and POP3 command reaches
 * stored mail through this class. It holds no messages of its own; each call takes the store's lock
 * and answers from the {@link Folder}: message counts and the first unseen message from kept counts,
 * UID to sequence number by binary search, {@link StoredMessage}s as views made when asked
 * ({@link SlotMessage}), and listeners as the folder's {@link Watcher}s. The IMAP namespace root
 * {@code #mail}, which holds the boxes, is an instance without a folder.
 */
final class ImapFolder implements MailFolder {
    private static final Flags AVAILABLE = new Flags();
    private static final Flags PERMANENT;

    static {
        for (Flags.Flag f : new Flags.Flag[]{Flags.Flag.ANSWERED, Flags.Flag.DELETED, Flags.Flag.DRAFT,
                Flags.Flag.FLAGGED, Flags.Flag.SEEN}) {
            AVAILABLE.add(f);
        }
        PERMANENT = new Flags(AVAILABLE);
        PERMANENT.add(Flags.Flag.USER);
    }

    private final MessageStore store;
    private final Folder folder;
    private final Map<FolderListener, Watcher> watchers = new IdentityHashMap<>();

    ImapFolder(MessageStore store, Folder folder) {
        this.store = store;
        this.folder = folder;
    }

    /** The store's folder; null for the namespace root. */
    Folder folder() {
        return folder;
    }

    private Folder selectable() {
        if (folder == null || !folder.selectable()) {
            throw new IllegalStateException("folder " + getFullName() + " holds no messages");
        }
        return folder;
    }

    @Override
    public String getName() {
        return folder == null ? ImapConstants.USER_NAMESPACE : store.locked(folder::name);
    }

    @Override
    public String getFullName() {
        if (folder == null) {
            return ImapConstants.USER_NAMESPACE;
        }
        return store.locked(() -> {
            StringBuilder sb = new StringBuilder(ImapConstants.USER_NAMESPACE).append(ImapConstants.HIERARCHY_DELIMITER_CHAR)
                    .append(folder.box().token());
            for (String segment : folder.path()) {
                sb.append(ImapConstants.HIERARCHY_DELIMITER_CHAR).append(segment);
            }
            return sb.toString();
        });
    }

    @Override
    public Flags getAvailableFlags() {
        return new Flags(AVAILABLE);
    }

    @Override
    public Flags getPermanentFlags() {
        return new Flags(PERMANENT);
    }

    @Override
    public int getMessageCount() {
        return folder == null ? 0 : store.locked(folder::size);
    }

    @Override
    public int getRecentCount(boolean reset) {
        if (folder == null) {
            return 0;
        }
        return reset ? store.clearRecent(folder) : store.locked(folder::recent);
    }

    @Override
    public long getUidValidity() {
        return folder == null ? 0 : folder.uidValidity();
    }

    @Override
    public int getFirstUnseen() {
        return folder == null ? -1 : store.locked(folder::firstUnseen);
    }

    @Override
    public int getUnseenCount() {
        return folder == null ? 0 : store.locked(folder::unseen);
    }

    @Override
    public boolean isSelectable() {
        return folder != null && store.locked(folder::selectable);
    }

    @Override
    public long getUIDNext() {
        return folder == null ? 1 : store.locked(folder::uidNext);
    }

    /**
     * GreenMail's APPEND, which hands over the literal as Jakarta Mail parsed it: never called, {@link ImapAppend}
     * answers APPEND from the literal's own octets (the interface still asks for the method).
     */
    @Override
    public long appendMessage(MimeMessage message, Flags flags, Date internalDate) {
        throw new UnsupportedOperationException("APPEND is ImapAppend's: it stores the literal's octets, not Jakarta's rewrite");
    }

    /** IMAP APPEND of {@code bytes} as they came (and the UID of the new placement, for APPENDUID). */
    long append(byte[] bytes, Flags flags, Date internalDate) throws FolderException {
        Message m = store.message(bytes, internalDate.getTime());
        return store.locked(() -> {
            if (folder == null || !folder.selectable()) {
                // Checked and appended under one lock, so a folder deleted by another session is refused here too;
                // the lambda can't declare the FolderException GreenMail answers NO for.
                throw ImapFolder.<RuntimeException>sneaky(new FolderException("Can't append to " + getName() + ": it holds no messages"));
            }
            return store.append(folder, m, FlagCodec.bits(flags), FlagCodec.keywords(flags)).uid();
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    @Override
    public void deleteAllMessages() {
        if (folder != null) {
            store.removeAll(folder);
        }
    }

    @Override
    public void expunge() {
        if (folder != null) {
            store.expunge(folder, uid -> true);
        }
    }

    @Override
    public void expunge(IdRange[] idRanges) {
        if (folder != null) {
            store.expunge(folder, uid -> idRanges == null || IdRange.containsUid(idRanges, uid));
        }
    }

    @Override
    public void addListener(FolderListener listener) {
        if (folder == null) {
            return;
        }
        store.run(() -> {
            Watcher w = new Relay(listener);
            if (watchers.putIfAbsent(listener, w) == null) {
                store.watch(folder, w);
            }
        });
    }

    @Override
    public void removeListener(FolderListener listener) {
        if (folder == null) {
            return;
        }
        store.run(() -> {
            Watcher w = watchers.remove(listener);
            if (w != null) {
                store.unwatch(folder, w);
            }
        });
    }

    @Override
    public void store(MovingMessage mail) {
        throw new UnsupportedOperationException("Behalf delivers through MailStore.deliver");
    }

    @Override
    public void store(MimeMessage mail) {
        throw new UnsupportedOperationException("Behalf delivers through MailStore.deliver");
    }

    @Override
    public StoredMessage getMessage(long uid) {
        return message(uid, -1);
    }

    /** The view of the message with this UID, looked for at index {@code hint} first; null when there is none. */
    SlotMessage message(long uid, int hint) {
        if (folder == null) {
            return null;
        }
        Slot slot;
        store.lock();
        try {
            int i = folder.indexOf(uid, hint);
            slot = i < 0 ? null : folder.get(i);
        } finally {
            store.unlock();
        }
        // Made outside the lock: GreenMail's StoredMessage constructor does work of its own.
        return slot == null ? null : new SlotMessage(store, slot, uid);
    }

    @Override
    public long[] getMessageUids() {
        if (folder == null) {
            return new long[0];
        }
        Uids copy = store.locked(() -> new Uids(folder.uids(), folder.removals()));
        lastUids = copy;
        return copy.uids.clone();
    }

    /**
     * The UIDs {@link #getMessageUids()} last copied, and the folder's removal count then. GreenMail's FETCH and
     * STORE take the UIDs and then ask {@link #getMsn} of each in turn, even for {@code FETCH n}: answered from
     * this copy, without the store's lock, while no slot has left the folder (an append only adds UIDs after
     * them). Through the lock, 50,000 calls were most of a one-message FETCH on a 50,000-message Inbox.
     */
    private record Uids(long[] uids, int removals) {
    }

    private volatile Uids lastUids;

    /** Matched outside the lock, over the folder as it was when the search began. */
    @Override
    public long[] search(SearchTerm searchTerm) {
        if (folder == null) {
            return new long[0];
        }
        List<SlotMessage> messages = snapshot();
        long[] hits = new long[messages.size()];
        int n = 0;
        for (int i = 0; i < messages.size(); i++) {
            SlotMessage m = messages.get(i);
            m.updateMessageNumber(i + 1);
            if (searchTerm.match(m.getMimeMessage())) {
                hits[n++] = m.getUid();
            }
        }
        return java.util.Arrays.copyOf(hits, n);
    }

    @Override
    public long copyMessage(long uid, MailFolder toFolder) throws FolderException {
        return store.<Long, FolderException>locked(() -> store.copy(slot(uid), target(toFolder)).uid());
    }

    @Override
    public long moveMessage(long uid, MailFolder toFolder) throws FolderException {
        return store.<Long, FolderException>locked(() -> store.move(slot(uid), target(toFolder)).uid());
    }

    /** Under the lock: a folder of this box that holds messages. */
    private Folder target(MailFolder toFolder) throws FolderException {
        if (toFolder instanceof ImapFolder f && f.folder != null && f.folder.selectable() && folder != null
                && f.folder.box() == folder.box()) {
            return f.folder;
        }
        throw new FolderException("Can't store messages in " + toFolder.getName());
    }

    private Slot slot(long uid) throws FolderException {
        Folder f = selectable();
        int i = f.indexOf(uid);
        if (i < 0) {
            throw new FolderException("No such message with uid " + uid + " in folder " + f.name());
        }
        return f.get(i);
    }

    @Override
    public void setFlags(Flags flags, boolean value, long uid, FolderListener silentListener, boolean addUid) throws FolderException {
        setFlags(flags, value, uid, -1, silentListener, addUid);
    }

    /** As {@link #setFlags(Flags, boolean, long, FolderListener, boolean)}, looking for the UID at {@code hint} first. */
    void setFlags(Flags flags, boolean value, long uid, int hint, FolderListener silentListener, boolean addUid) throws FolderException {
        int bits = FlagCodec.bits(flags) & ~FlagSet.RECENT;
        Set<String> named = FlagCodec.keywords(flags);
        store.lock();
        try {
            int index = selectable().indexOf(uid, hint);
            if (index < 0) {
                throw new FolderException("No such message with uid " + uid + " in folder " + folder.name());
            }
            Slot s = folder.get(index);
            Set<String> keywords = null;
            if (!named.isEmpty()) {
                keywords = new LinkedHashSet<>(s.folder().keywords(s));
                if (value) {
                    keywords.addAll(named);
                } else {
                    keywords.removeAll(named);
                }
            }
            store.setFlags(s, index, value ? s.flags() | bits : s.flags() & ~bits, keywords, watchers.get(silentListener), addUid, true);
        } finally {
            store.unlock();
        }
    }

    @Override
    public void replaceFlags(Flags flags, long uid, FolderListener silentListener, boolean addUid) throws FolderException {
        int bits = FlagCodec.bits(flags);
        Set<String> keywords = FlagCodec.keywords(flags);
        store.lock();
        try {
            store.setFlags(slot(uid), bits, keywords, watchers.get(silentListener), addUid, true);
        } finally {
            store.unlock();
        }
    }

    @Override
    public int getMsn(long uid) throws FolderException {
        return msn(uid, -1);
    }

    /** The sequence number of the message with this UID, looked for at index {@code hint} first. */
    int msn(long uid, int hint) throws FolderException {
        Uids copy = lastUids;
        if (copy != null && copy.removals == folder.removals()) {
            long[] uids = copy.uids;
            int at = hint >= 0 && hint < uids.length && uids[hint] == uid ? hint : Arrays.binarySearch(uids, uid);
            if (at >= 0) {
                return at + 1;
            }
        }
        int i;
        store.lock();
        try {
            i = folder == null ? -1 : folder.indexOf(uid, hint);
        } finally {
            store.unlock();
        }
        if (i < 0) {
            throw new FolderException("No such message of uid " + uid + ".");
        }
        return i + 1;
    }

    @Override
    public void signalDeletion() {
        if (folder != null) {
            store.signalDeleted(folder);
        }
    }

    @Override
    public List<StoredMessage> getMessages(MsgRangeFilter range) {
        List<SlotMessage> all = snapshot();
        List<StoredMessage> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (range.includes(i + 1)) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** The folder's messages as they are now: a list over a copy of the slots, each view made when read. */
    @Override
    public List<StoredMessage> getMessages() {
        return java.util.Collections.unmodifiableList(snapshot());
    }

    @Override
    public List<StoredMessage> getNonDeletedMessages() {
        List<StoredMessage> out = new ArrayList<>();
        for (SlotMessage m : snapshot()) {
            if (!FlagSet.has(m.slot().flags(), FlagSet.DELETED)) {
                out.add(m);
            }
        }
        return out;
    }

    private List<SlotMessage> snapshot() {
        if (folder == null) {
            return List.of();
        }
        return store.locked(() -> new Views(store, folder.snapshot()));
    }

    @Override
    public String toString() {
        return "ImapFolder[" + getFullName() + "]";
    }

    /** Views made on first read, each with the UID its slot had when the list was made. */
    private static final class Views extends AbstractList<SlotMessage> implements RandomAccess {
        private final MessageStore store;
        private final Slot[] slots;
        private final long[] uids;
        private final SlotMessage[] made;

        Views(MessageStore store, Slot[] slots) {
            this.store = store;
            this.slots = slots;
            this.uids = new long[slots.length];
            for (int i = 0; i < slots.length; i++) {
                uids[i] = slots[i].uid();
            }
            this.made = new SlotMessage[slots.length];
        }

        @Override
        public SlotMessage get(int index) {
            SlotMessage m = made[index];
            if (m == null) {
                m = new SlotMessage(store, slots[index], uids[index]);
                made[index] = m;
            }
            return m;
        }

        @Override
        public int size() {
            return slots.length;
        }
    }

    /** A GreenMail folder listener told of the store folder's changes. */
    private static final class Relay implements Watcher {
        private final FolderListener listener;

        Relay(FolderListener listener) {
            this.listener = listener;
        }

        @Override
        public void added(int msn) {
            listener.added(msn);
        }

        @Override
        public void expunged(int msn) {
            listener.expunged(msn);
        }

        @Override
        public void flagsChanged(int msn, Slot slot, boolean withUid) {
            listener.flagsUpdated(msn, FlagCodec.flags(slot.flags(), slot.folder().keywords(slot)), withUid ? slot.uid() : null);
        }

        @Override
        public void deleted() {
            listener.mailboxDeleted();
        }
    }
}
