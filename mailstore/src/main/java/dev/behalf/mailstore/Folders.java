package dev.behalf.mailstore;

/** Folder names Behalf delivers into; clients see them over IMAP under these names. */
public final class Folders {
    private Folders() {
    }

    public static final String INBOX = "INBOX";
    public static final String SENT_ITEMS = "Sent Items";
}
