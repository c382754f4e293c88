package dev.behalf.policy.decision;

import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a submission claims (spec §4): the authenticated account, every mailbox of the header
 * {@code From:}, the header {@code Sender:} if present, and, for a message being resent (RFC 5322 §3.6.6),
 * every mailbox of its {@code Resent-From:} fields and of its {@code Resent-Sender:} fields.
 */
public record SendAttempt(RecipientId account, List<SmtpAddress> from, Optional<SmtpAddress> sender,
                          List<SmtpAddress> resentFrom, List<SmtpAddress> resentSender) {

    public SendAttempt {
        Objects.requireNonNull(account, "account");
        from = List.copyOf(from);
        Objects.requireNonNull(sender, "sender");
        resentFrom = List.copyOf(resentFrom);
        resentSender = List.copyOf(resentSender);
    }

    /** A message that is not being resent. */
    public SendAttempt(RecipientId account, List<SmtpAddress> from, Optional<SmtpAddress> sender) {
        this(account, from, sender, List.of(), List.of());
    }

    public static SendAttempt of(RecipientId account, SmtpAddress from) {
        return new SendAttempt(account, List.of(from), Optional.empty());
    }

    /** Whether the message is being resent: it names at least one Resent-From mailbox. */
    public boolean resent() {
        return !resentFrom.isEmpty();
    }
}
