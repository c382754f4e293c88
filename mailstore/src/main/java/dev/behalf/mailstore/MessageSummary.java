package dev.behalf.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a list view shows of a stored copy, read from its headers.
 *
 * @param submissionId the Network-Message-Id linking it to its decision record, when it has one
 * @param from         the From header as written (display names decoded)
 * @param sender       the Sender header, when present
 */
public record MessageSummary(MessageId id, MailboxKey mailbox, String folder, Optional<String> submissionId,
                             Optional<String> messageId, String subject, String from, Optional<String> sender,
                             List<String> to, Instant received, long size, boolean seen) {

    public MessageSummary {
        to = List.copyOf(to);
    }
}
