package dev.behalf.mailstore;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.Optional;

/** Names a place mail is kept: a directory mailbox, or the external capture of one outside address. */
public sealed interface MailboxKey {

    /** A mailbox of the directory (user, shared, resource, system). */
    record Mailbox(RecipientId id) implements MailboxKey {
    }

    /** Mail captured for an address outside the accepted domains or a mail user: never relayed. */
    record External(SmtpAddress address) implements MailboxKey {
    }

    /**
     * The store box mail to {@code address} lands in when it names one place: a directory mailbox,
     * the capture of a mail user's external address, or the capture of an outside address. Empty for
     * groups, users without a mailbox and unknown addresses of an accepted domain.
     */
    static Optional<MailboxKey> of(Directory directory, SmtpAddress address) {
        Optional<Recipient> owner = directory.byAddress(address);
        if (owner.isPresent() && owner.get().type().hasMailbox()) {
            return Optional.of(new Mailbox(owner.get().id()));
        }
        if (owner.isPresent() && owner.get().externalEmailAddress().isPresent()) {
            return Optional.of(new External(owner.get().externalEmailAddress().get()));
        }
        if (owner.isEmpty() && !directory.organization().isAccepted(address)) {
            return Optional.of(new External(address));
        }
        return Optional.empty();
    }

    /** The address that names this box; a mailbox since removed from the directory is named by its Guid. */
    default String address(Directory directory) {
        if (this instanceof Mailbox m) {
            return directory.get(m.id()).flatMap(Recipient::primarySmtpAddress).map(Object::toString).orElse(m.id().toString());
        }
        return ((External) this).address().toString();
    }
}
