package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.imap.ImapConstants;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.Store;
import dev.behalf.mailstore.Folders;
import jakarta.mail.Flags;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The GreenMail folders the mirror tracks, keyed by folder object (GreenMail keeps the object across
 * a rename), each with its directory on disk. Every tracked folder carries a listener that reports
 * changes to {@code changed}; guarded by the {@link StoreLock}.
 */
final class FolderRecords {
    static final String ROOT = ImapConstants.USER_NAMESPACE + ImapConstants.HIERARCHY_DELIMITER;

    private final Store store;
    private final Disk disk;
    private final Consumer<MailFolder> changed;
    private final Map<MailFolder, FolderRecord> records = new IdentityHashMap<>();

    FolderRecords(Store store, Disk disk, Consumer<MailFolder> changed) {
        this.store = store;
        this.disk = disk;
        this.changed = changed;
    }

    /** Starts tracking every folder of the box that isn't tracked yet (creating its directory on disk). */
    void register(Box box) {
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
                child.addListener(new ChangeListener(child));
                disk.createFolder(box.token(), path);
            }
            registerChildren(box, child, path);
        }
    }

    Optional<FolderRecord> get(MailFolder folder) {
        return Optional.ofNullable(records.get(folder));
    }

    /** The box's folders: INBOX, Sent Items, then the rest by name. */
    List<FolderRecord> of(Box box) {
        return records.values().stream().filter(r -> r.box.equals(box)).sorted(Comparator
                .comparingInt((FolderRecord r) -> rank(r.name())).thenComparing(FolderRecord::name)).toList();
    }

    private static int rank(String name) {
        return name.equalsIgnoreCase(Folders.INBOX) ? 0 : name.equals(Folders.SENT_ITEMS) ? 1 : 2;
    }

    /** Stops tracking a folder GreenMail has removed, and removes its directory. */
    void forget(FolderRecord rec) {
        disk.deleteFolder(rec.box.token(), rec.path);
        records.remove(rec.folder);
    }

    /** A folder GreenMail renamed in place: rename its directory and every path below it. */
    void renamed(FolderRecord rec, List<String> oldPath) {
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

    /** {@code #mail.<token>.Sent Items.2024} as {@code [Sent Items, 2024]}. */
    static List<String> path(Box box, MailFolder folder) {
        String full = folder.getFullName();
        String prefix = ROOT + box.token() + ImapConstants.HIERARCHY_DELIMITER;
        if (!full.startsWith(prefix)) {
            throw new IllegalStateException("folder " + full + " is not in box " + box.token());
        }
        return Arrays.asList(full.substring(prefix.length()).split("\\" + ImapConstants.HIERARCHY_DELIMITER));
    }

    /** Reports any change to its folder; runs on the changing thread, so it takes no lock. */
    private final class ChangeListener implements FolderListener {
        private final MailFolder folder;

        ChangeListener(MailFolder folder) {
            this.folder = folder;
        }

        @Override
        public void expunged(int msn) {
            changed.accept(folder);
        }

        @Override
        public void added(int msn) {
            changed.accept(folder);
        }

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {
            changed.accept(folder);
        }

        @Override
        public void mailboxDeleted() {
            changed.accept(folder);
        }
    }
}
