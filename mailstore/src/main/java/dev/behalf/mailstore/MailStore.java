package dev.behalf.mailstore;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where accepted mail lives: every store mailbox's folders and the external capture.
 *
 * <p>The gateway calls {@link #deliver} once per accepted submission, after the policy decided and
 * the headers were rewritten; the HTTP API and the web UI read through the other methods. Thread-safe.
 * A durable store has the message on disk when {@link #deliver} returns.
 */
public interface MailStore extends AutoCloseable {

    /**
     * Stores the message in every placement of the delivery and returns the stored copies. Either
     * every placement is stored or none is visible; failure is an unchecked exception.
     */
    List<MessageSummary> deliver(Delivery delivery);

    /** Every store mailbox and external capture box that exists, with folder counts. */
    List<MailboxSummary> mailboxes();

    /** The messages of one folder of one mailbox, newest first; empty when there is none. */
    List<MessageSummary> list(MailboxKey mailbox, String folder);

    /** One stored copy, with its raw bytes. */
    Optional<StoredMessage> fetch(MessageId id);

    /** Deletes one stored copy; false when it did not exist. */
    boolean delete(MessageId id);

    /** Deletes every message of every folder of the mailbox; returns how many. */
    int purge(MailboxKey mailbox);

    /** Deletes every message everywhere (test reset); returns how many. */
    int purgeAll();

    /** Called after each change to stored mail, on the thread that made it. */
    void subscribe(Consumer<StoreEvent> listener);

    @Override
    void close();
}
