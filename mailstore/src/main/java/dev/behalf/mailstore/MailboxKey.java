package dev.behalf.mailstore;

import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

/** Names a place mail is kept: a directory mailbox, or the external capture of one outside address. */
public sealed interface MailboxKey {

    /** A mailbox of the directory (user, shared, resource, system). */
    record Mailbox(RecipientId id) implements MailboxKey {
    }

    /** Mail captured for an address outside the accepted domains or a mail user: never relayed. */
    record External(SmtpAddress address) implements MailboxKey {
    }
}
