package dev.behalf.policy.directory;

import java.util.Map;
import java.util.Optional;

/**
 * Exchange Online's switch for Basic authentication (PLAIN, LOGIN) on SMTP client submission:
 * {@code Set-TransportConfig -SmtpClientAuthenticationDisabled} for the organization, and
 * {@code Set-CASMailbox -SmtpClientAuthenticationDisabled} per mailbox, which wins over the organization's
 * when set ($true or $false; a mailbox without one follows the organization). OAuth2 is not affected.
 *
 * @param mailboxes the mailboxes that set it, by id
 */
public record SmtpClientAuth(boolean tenantDisabled, Map<RecipientId, Boolean> mailboxes) {
    public static final SmtpClientAuth DEFAULT = new SmtpClientAuth(false, Map.of());

    public SmtpClientAuth {
        mailboxes = Map.copyOf(mailboxes);
    }

    /** What the mailbox says, if it says anything. */
    public Optional<Boolean> mailbox(RecipientId id) {
        return Optional.ofNullable(mailboxes.get(id));
    }

    SmtpClientAuth with(Optional<RecipientId> mailbox, Optional<Boolean> disabled) {
        if (mailbox.isEmpty()) {
            return new SmtpClientAuth(disabled.orElse(false), mailboxes);
        }
        java.util.HashMap<RecipientId, Boolean> next = new java.util.HashMap<>(mailboxes);
        if (disabled.isPresent()) {
            next.put(mailbox.get(), disabled.get());
        } else {
            next.remove(mailbox.get());
        }
        return new SmtpClientAuth(tenantDisabled, next);
    }

    SmtpClientAuth without(RecipientId gone) {
        return mailboxes.containsKey(gone) ? with(Optional.of(gone), Optional.empty()) : this;
    }
}
