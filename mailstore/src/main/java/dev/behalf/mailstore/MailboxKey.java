package dev.behalf.mailstore;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.routing.Route;
import dev.behalf.policy.routing.Router;

import java.util.Optional;

/** Names a place mail is kept: a directory mailbox, or the external capture of one outside address. */
public sealed interface MailboxKey {

    /** A mailbox of the directory (user, shared, resource, system). */
    record Mailbox(RecipientId id) implements MailboxKey {
        // equals and hashCode written out: the store looks a box up by its key for every copy it delivers, and a
        // record's generated ones go through an invokedynamic bootstrap and method handles.
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Mailbox m && java.util.Objects.equals(id, m.id);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(id);
        }
    }

    /** Mail captured for an address outside the accepted domains or a mail user: never relayed. */
    record External(SmtpAddress address) implements MailboxKey {
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof External x && java.util.Objects.equals(address, x.address);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(address);
        }
    }

    /**
     * The store box mail to {@code address} lands in when it names one place, as the SMTP path routes
     * it ({@link Router#route}): a directory mailbox, the capture of a mail user's external address, or
     * the capture of an outside address. Empty for groups (they name many places), and for addresses
     * the router refuses.
     */
    static Optional<MailboxKey> of(Directory directory, SmtpAddress address) {
        Route route = Router.route(directory, address);
        if (route instanceof Route.ToMailbox m) {
            return Optional.of(new Mailbox(m.mailbox().id()));
        }
        if (route instanceof Route.ToExternal x) {
            return Optional.of(new External(x.capturedAs()));
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
