package dev.behalf.gateway.http.admin;

import dev.behalf.policy.directory.RecipientTypeDetails;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import static dev.behalf.policy.directory.RecipientTypeDetails.*;

/**
 * The EAC's Recipients tabs and the recipient types each lists (seed: "Mailboxes: User or linked
 * mailboxes. Resources: Room or equipment mailboxes. Shared: Shared mailboxes", and Groups), plus
 * "All mailboxes", which lists the three mailbox tabs together as Exchange Online's admin center
 * does (and so lets a selection mix types, which bulk edit then refuses). System mailboxes, mail
 * users, plain users and non-mail-enabled groups have no tab. Groups lists Microsoft 365 Groups too, as
 * Exchange Online's admin center does.
 */
public enum Tab {
    mailboxes(Set.of(UserMailbox, LinkedMailbox)),
    resources(Set.of(RoomMailbox, EquipmentMailbox)),
    shared(Set.of(SharedMailbox)),
    groups(Set.of(MailUniversalDistributionGroup, MailUniversalSecurityGroup, DynamicDistributionGroup, GroupMailbox)),
    all(Set.of(UserMailbox, LinkedMailbox, RoomMailbox, EquipmentMailbox, SharedMailbox));

    private final Set<RecipientTypeDetails> types;

    Tab(Set<RecipientTypeDetails> types) {
        this.types = types;
    }

    public boolean lists(RecipientTypeDetails type) {
        return types.contains(type);
    }

    /** The specific tab that lists {@code type}, if any (never {@link #all}: it comes last). */
    public static Optional<Tab> of(RecipientTypeDetails type) {
        return Arrays.stream(values()).filter(t -> t.lists(type)).findFirst();
    }
}
