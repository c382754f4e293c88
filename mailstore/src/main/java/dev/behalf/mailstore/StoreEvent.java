package dev.behalf.mailstore;

import java.util.Objects;
import java.util.function.Supplier;

/** A change to stored mail, for live views. */
public sealed interface StoreEvent {

    /**
     * A copy was stored. Where it went is known at once; its {@link #message() summary}, which reads its header
     * section, is made when a listener first asks: the live views and the metrics need only where it went, and a
     * summary made for every delivery was the store's largest cost per message under load.
     */
    final class Delivered implements StoreEvent {
        private final MessageId id;
        private final MailboxKey mailbox;
        private final String folder;
        private final Supplier<MessageSummary> summary;
        private volatile MessageSummary made;

        public Delivered(MessageSummary message) {
            this(message.id(), message.mailbox(), message.folder(), () -> message);
        }

        /** {@code summary} gives the summary of the copy {@code id}, in {@code folder} of {@code mailbox}. */
        public Delivered(MessageId id, MailboxKey mailbox, String folder, Supplier<MessageSummary> summary) {
            this.id = Objects.requireNonNull(id, "id");
            this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
            this.folder = Objects.requireNonNull(folder, "folder");
            this.summary = Objects.requireNonNull(summary, "summary");
        }

        public MessageId id() {
            return id;
        }

        public MailboxKey mailbox() {
            return mailbox;
        }

        public String folder() {
            return folder;
        }

        /** The stored copy's summary, made on the first call. */
        public MessageSummary message() {
            MessageSummary m = made;
            if (m == null) {
                m = summary.get();
                made = m;
            }
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered d && message().equals(d.message());
        }

        @Override
        public int hashCode() {
            return message().hashCode();
        }

        @Override
        public String toString() {
            return "Delivered[" + id + " to " + folder + " of " + mailbox + "]";
        }
    }

    record Deleted(MessageId id, MailboxKey mailbox) implements StoreEvent {
    }

    record Purged(MailboxKey mailbox) implements StoreEvent {
    }
}
