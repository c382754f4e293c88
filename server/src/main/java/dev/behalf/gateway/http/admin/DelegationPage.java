package dev.behalf.gateway.http.admin;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.PermissionTable;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.Surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mailbox's "Mailbox delegation" or a group's "Group delegation" page: one section per right the
 * target can carry, in the EAC's order (Send As, Send on Behalf, Full Access). A section the EAC does
 * not offer for the target's type ({@code offered} false: Send on Behalf on a shared mailbox) is
 * listed read-only, with a note, when the Shell could have set it.
 */
public record DelegationPage(RecipientRow recipient, String page, List<Section> sections, long directoryVersion) {

    /** One delegation list. */
    public record Section(String right, String label, boolean offered, Optional<String> note, List<Delegate> delegates) {
    }

    /** A delegate in a list; {@code control} is Deny for the Deny entries the Shell can set. */
    public record Delegate(RecipientRow recipient, String control) {
    }

    public static DelegationPage of(Directory d, Recipient target) {
        List<Section> sections = new ArrayList<>();
        for (Right right : List.of(Right.SendAs, Right.SendOnBehalf, Right.FullAccess)) {
            boolean offered = PermissionTable.targets(right, Surface.EAC).contains(target.type());
            List<Delegate> delegates = delegates(d, target, right);
            if (!offered && delegates.isEmpty() && !PermissionTable.targets(right, Surface.Shell).contains(target.type())) {
                continue;
            }
            Optional<String> note = offered ? Optional.empty() : Optional.of(right.label() + " isn't available in the EAC for a "
                    + target.type() + "; the Shell can grant it (spec §3).");
            sections.add(new Section(right.name(), right.label(), offered, note, delegates));
        }
        return new DelegationPage(RecipientRow.of(target), target.type().isGroup() ? "Group delegation" : "Mailbox delegation",
                sections, d.version());
    }

    private static List<Delegate> delegates(Directory d, Recipient target, Right right) {
        List<Delegate> out = new ArrayList<>();
        switch (right) {
            case SendAs -> target.sendAs().forEach(e -> out.add(new Delegate(RecipientRow.of(d.require(e.trustee())), e.control().name())));
            case SendOnBehalf -> target.grantSendOnBehalfTo().forEach(id -> out.add(new Delegate(RecipientRow.of(d.require(id)), "Allow")));
            case FullAccess -> target.fullAccess().forEach(e -> out.add(new Delegate(RecipientRow.of(d.require(e.trustee())), e.control().name())));
        }
        return out;
    }
}
