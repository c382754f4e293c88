package dev.behalf.gateway.http.ui;

import dev.behalf.gateway.http.Request;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientTypeDetails;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.Optional;

/**
 * Names store boxes the way the UI does: by address. A directory mailbox is its primary address, an
 * external capture box the captured address.
 */
final class Boxes {
    private Boxes() {
    }

    /** The kinds of box the sidebar groups by, in display order. */
    enum Kind { user, shared, resource, system, external }

    /** The store box an address names; 400 when it names none (a group, an unknown address). */
    static MailboxKey key(Directory directory, String text) {
        SmtpAddress address = SmtpAddress.tryParse(text).orElseThrow(() ->
                new Request.BadRequest("'" + text + "' is not an address (expected local@domain)"));
        Optional<Recipient> owner = directory.byAddress(address);
        if (owner.isPresent() && owner.get().type().hasMailbox()) {
            return new MailboxKey.Mailbox(owner.get().id());
        }
        if (owner.isPresent() && owner.get().externalEmailAddress().isPresent()) {
            return new MailboxKey.External(owner.get().externalEmailAddress().get());
        }
        if (owner.isEmpty() && !directory.organization().isAccepted(address)) {
            return new MailboxKey.External(address);
        }
        throw new Request.BadRequest("'" + text + "' has no mailbox here: it is a group, a user without mailbox, or unknown");
    }

    /** The address that names {@code key}; a mailbox removed from the directory is named by its Guid. */
    static String address(Directory directory, MailboxKey key) {
        if (key instanceof MailboxKey.Mailbox m) {
            return directory.get(m.id()).flatMap(Recipient::primarySmtpAddress).map(Object::toString)
                    .orElse(m.id().toString());
        }
        return ((MailboxKey.External) key).address().toString();
    }

    static Kind kind(Directory directory, MailboxKey key) {
        if (key instanceof MailboxKey.External) {
            return Kind.external;
        }
        return directory.get(((MailboxKey.Mailbox) key).id()).map(r -> kind(r.type())).orElse(Kind.system);
    }

    static Kind kind(RecipientTypeDetails type) {
        return switch (type) {
            case UserMailbox, LinkedMailbox -> Kind.user;
            case SharedMailbox -> Kind.shared;
            case RoomMailbox, EquipmentMailbox -> Kind.resource;
            default -> Kind.system;
        };
    }
}
