package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.store.MailFolder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GreenMail folder the mirror tracks, its path in the box and its copies by UID; guarded by the mirror's lock. */
final class FolderRecord {
    final Box box;
    final MailFolder folder;
    List<String> path;
    final Map<Long, Entry> byUid = new LinkedHashMap<>();

    FolderRecord(Box box, MailFolder folder, List<String> path) {
        this.box = box;
        this.folder = folder;
        this.path = List.copyOf(path);
    }

    /** The folder's IMAP name in its box: {@code INBOX}, {@code Sent Items}, {@code INBOX.Receipts}. */
    String name() {
        return String.join(".", path);
    }

    int unread() {
        return (int) byUid.values().stream().filter(e -> e.flags.indexOf('S') < 0).count();
    }
}
