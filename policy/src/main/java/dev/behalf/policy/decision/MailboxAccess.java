package dev.behalf.policy.decision;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Membership;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Full Access and auto-mapping (spec §8): may a delegate open a mailbox, and which mailboxes open
 * automatically for an account. Pure, like {@link DelegationPolicy}.
 */
public final class MailboxAccess {
    private MailboxAccess() {
    }

    /**
     * Why an account may open a mailbox.
     *
     * @param viaGroup the group path when the grant is to a group; empty for a direct grant
     * @param autoMapped whether Autodiscover maps it (a direct Allow entry with AutoMapping $true)
     */
    public record Grant(Recipient mailbox, Optional<String> trustee, List<String> viaGroup, boolean autoMapped) {
        public Grant {
            viaGroup = List.copyOf(viaGroup);
        }

        /** "direct grant" or "via group Helpdesk". */
        public String reason() {
            return viaGroup.isEmpty() ? "direct grant" : "via group " + String.join(" > ", viaGroup);
        }
    }

    /**
     * The grant that lets {@code delegate} open {@code mailbox}, or empty: no Allow entry covering the
     * delegate, a Deny entry covering it, or a mailbox hidden from address lists (seed: the delegate
     * "won't be able to open the mailbox").
     */
    public static Optional<Grant> canOpen(Directory directory, RecipientId delegate, RecipientId mailbox) {
        Optional<Recipient> target = directory.get(mailbox);
        if (target.isEmpty() || !target.get().type().hasMailbox() || target.get().hiddenFromAddressLists()) {
            return Optional.empty();
        }
        Membership membership = directory.membership(delegate);
        FullAccessEntry best = null;
        boolean autoMap = false;
        for (FullAccessEntry e : target.get().fullAccess()) {
            if (!membership.covers(e.trustee())) {
                continue;
            }
            if (e.control() == AccessControl.Deny) {
                return Optional.empty();
            }
            boolean direct = e.trustee().equals(delegate);
            autoMap |= direct && e.autoMapping();
            if (best == null || (direct && !best.trustee().equals(delegate))
                    || membership.path(e.trustee()).size() < membership.path(best.trustee()).size()) {
                best = e;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<String> via = new ArrayList<>();
        for (RecipientId g : membership.path(best.trustee())) {
            via.add(directory.get(g).map(Recipient::displayName).orElse(g.toString()));
        }
        String trustee = directory.get(best.trustee()).map(Recipient::displayName).orElse(best.trustee().toString());
        return Optional.of(new Grant(target.get(), Optional.of(trustee), via, autoMap));
    }

    /** Every mailbox {@code account} can open through Full Access, in directory order. */
    public static List<Grant> openable(Directory directory, RecipientId account) {
        List<Grant> out = new ArrayList<>();
        for (Recipient r : directory.recipients()) {
            if (!r.id().equals(account) && !r.fullAccess().isEmpty()) {
                canOpen(directory, account, r.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The mailboxes Autodiscover auto-maps for {@code account}: Full Access granted to the account
     * itself with AutoMapping {@code $true}. Grants to groups never auto-map (spec §8).
     */
    public static List<Grant> autoMapped(Directory directory, RecipientId account) {
        return openable(directory, account).stream().filter(Grant::autoMapped).toList();
    }
}
