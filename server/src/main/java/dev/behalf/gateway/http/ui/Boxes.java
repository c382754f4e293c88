package dev.behalf.gateway.http.ui;

import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.RecipientTypeDetails;


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
