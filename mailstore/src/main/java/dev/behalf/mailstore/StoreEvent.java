package dev.behalf.mailstore;

/** A change to stored mail, for live views. */
public sealed interface StoreEvent {

    record Delivered(MessageSummary message) implements StoreEvent {
    }

    record Deleted(MessageId id, MailboxKey mailbox) implements StoreEvent {
    }

    record Purged(MailboxKey mailbox) implements StoreEvent {
    }
}
