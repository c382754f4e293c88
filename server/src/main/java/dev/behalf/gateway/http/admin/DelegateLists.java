package dev.behalf.gateway.http.admin;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The three delegation lists of one mailbox or group (Send As entries, GrantSendOnBehalfTo, Full
 * Access entries), edited in place by one Save; {@link #build()} gives the changed recipient. The
 * web admin adds and removes Allow entries only: Deny entries are the Shell's.
 */
final class DelegateLists {
    private final Recipient target;
    private final List<SendAsEntry> sendAs;
    private final List<RecipientId> onBehalf;
    private final List<FullAccessEntry> fullAccess;
    private boolean changed;

    DelegateLists(Recipient target) {
        this.target = target;
        this.sendAs = new ArrayList<>(target.sendAs());
        this.onBehalf = new ArrayList<>(target.grantSendOnBehalfTo());
        this.fullAccess = new ArrayList<>(target.fullAccess());
    }

    void add(Right right, Recipient trustee, List<String> done, List<String> warnings) {
        RecipientId id = trustee.id();
        boolean present = switch (right) {
            case SendAs -> sendAs.stream().anyMatch(x -> x.trustee().equals(id) && x.control() == AccessControl.Allow);
            case SendOnBehalf -> onBehalf.contains(id);
            case FullAccess -> fullAccess.stream().anyMatch(x -> x.sameAce(FullAccessEntry.allow(id)));
        };
        if (present) {
            warnings.add(trustee.displayName() + " already has " + right.label() + " on " + target.displayName()
                    + ": the appropriate access control entry is already present on the object.");
            return;
        }
        switch (right) {
            case SendAs -> sendAs.add(SendAsEntry.allow(id));
            case SendOnBehalf -> onBehalf.add(id);
            case FullAccess -> fullAccess.add(FullAccessEntry.allow(id));
        }
        if (denied(right, id)) {
            warnings.add("A Deny entry for " + trustee.displayName() + " on " + target.displayName()
                    + " still refuses " + right.label() + " (Deny beats Allow); remove it in the Shell.");
        }
        changed = true;
        done.add(right.label() + " on " + target.displayName() + " granted to " + trustee.displayName());
    }

    void remove(Right right, Recipient trustee, List<String> done, List<String> warnings) {
        RecipientId id = trustee.id();
        boolean removed = switch (right) {
            case SendAs -> sendAs.removeIf(x -> x.trustee().equals(id) && x.control() == AccessControl.Allow);
            case SendOnBehalf -> onBehalf.remove(id);
            case FullAccess -> removeFullAccess(id);
        };
        if (!removed) {
            warnings.add(trustee.displayName() + " has no " + right.label() + " on " + target.displayName() + " to remove.");
            return;
        }
        changed = true;
        done.add(right.label() + " on " + target.displayName() + " removed from " + trustee.displayName());
    }

    private boolean removeFullAccess(RecipientId id) {
        boolean any = false;
        for (Iterator<FullAccessEntry> it = fullAccess.iterator(); it.hasNext(); ) {
            FullAccessEntry x = it.next();
            if (x.trustee().equals(id) && x.control() == AccessControl.Allow) {
                it.remove();
                any = true;
            }
        }
        return any;
    }

    private boolean denied(Right right, RecipientId id) {
        return switch (right) {
            case SendAs -> sendAs.stream().anyMatch(x -> x.trustee().equals(id) && x.control() == AccessControl.Deny);
            case SendOnBehalf -> false;
            case FullAccess -> fullAccess.stream().anyMatch(x -> x.trustee().equals(id) && x.control() == AccessControl.Deny);
        };
    }

    Recipient build() {
        return target.toBuilder().sendAs(sendAs).grantSendOnBehalfTo(onBehalf).fullAccess(fullAccess).build();
    }

    boolean changed() {
        return changed;
    }
}
