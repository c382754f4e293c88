package dev.behalf.mailstore;

import java.util.List;

/** A mailbox or capture box with its folders. */
public record MailboxSummary(MailboxKey key, String displayName, String address, List<FolderSummary> folders) {

    public MailboxSummary {
        folders = List.copyOf(folders);
    }

    /** One folder with its message and unread counts. */
    public record FolderSummary(String name, int messages, int unread) {
    }
}
