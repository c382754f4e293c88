package dev.behalf.mailstore;

import java.util.Objects;

/** One copy of a delivery: which mailbox, which folder ({@link Folders}). */
public record Placement(MailboxKey mailbox, String folder) {

    public Placement {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(folder, "folder");
    }

    public static Placement inbox(MailboxKey mailbox) {
        return new Placement(mailbox, Folders.INBOX);
    }

    public static Placement sentItems(MailboxKey mailbox) {
        return new Placement(mailbox, Folders.SENT_ITEMS);
    }
}
