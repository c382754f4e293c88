package dev.behalf.policy.decision;

import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a submission claims (spec §4): the authenticated account, every mailbox of the header
 * {@code From:}, and the header {@code Sender:} if present.
 */
public record SendAttempt(RecipientId account, List<SmtpAddress> from, Optional<SmtpAddress> sender) {

    public SendAttempt {
        Objects.requireNonNull(account, "account");
        from = List.copyOf(from);
        Objects.requireNonNull(sender, "sender");
    }

    public static SendAttempt of(RecipientId account, SmtpAddress from) {
        return new SendAttempt(account, List.of(from), Optional.empty());
    }
}
