package dev.behalf.mailstore;

import java.util.Objects;

/** One copy of a delivery: which mailbox, which folder ({@link Folders}). */
public record Placement(MailboxKey mailbox, String folder) {

    public Placement {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
    }

    // Written out: a record's equals and hashCode are an invokedynamic through method handles, and placements
    // are hashed for every message delivered.
    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && mailbox.equals(p.mailbox) && folder.equals(p.folder);
    }

    @Override
    public int hashCode() {
        return mailbox.hashCode() * 31 + folder.hashCode();
    }

    public static Placement inbox(MailboxKey mailbox) {
        return new Placement(mailbox, Folders.INBOX);
    }

    public static Placement sentItems(MailboxKey mailbox) {
        return new Placement(mailbox, Folders.SENT_ITEMS);
    }
}
