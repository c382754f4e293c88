package dev.behalf.mailstore.core;

import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A place mail is kept: one per directory mailbox (kept when the mailbox is removed, as Exchange keeps
 * a disconnected mailbox) and one per captured external address. Its folder tree always starts with
 * {@code INBOX} and {@code Sent Items}; {@link Tokens} names it in IMAP and on disk.
 */
public final class Box {
    private final MailboxKey key;
    private final String token;
    private final String label;
    final Folder root;

    Box(MailboxKey key, String token, String label, long uidValidity) {
        this.key = Objects.requireNonNull(key, "key");
        this.token = token;
        this.label = label;
        this.root = new Folder(this, null, token, false, uidValidity);
    }

    public MailboxKey key() {
        return key;
    }

    public String token() {
        return token;
    }

    /** The address that named the box when it was made (a mailbox's primary address), for logs and IMAP. */
    public String label() {
        return label;
    }

    public Folder root() {
        return root;
    }

    /** The folder at a {@code .}-separated path, or null. */
    public Folder folder(String pathName) {
        Folder f = root;
        for (String segment : pathName.split("\\.", -1)) {
            if (segment.isEmpty() || f == null) {
                return null;
            }
            f = f.child(segment);
        }
        return f;
    }

    /** Every folder below the root, depth first: INBOX, Sent Items, then the rest by name. */
    public List<Folder> folders() {
        List<Folder> out = new ArrayList<>();
        collect(root, out);
        out.sort(Comparator.comparingInt((Folder f) -> rank(f.pathName())).thenComparing(Folder::pathName));
        return out;
    }

    private static void collect(Folder f, List<Folder> out) {
        for (Folder c : f.children()) {
            out.add(c);
            collect(c, out);
        }
    }

    private static int rank(String name) {
        return name.equalsIgnoreCase(Folders.INBOX) ? 0 : name.equals(Folders.SENT_ITEMS) ? 1 : 2;
    }

    @Override
    public String toString() {
        return "Box[" + label + "]";
    }
}
