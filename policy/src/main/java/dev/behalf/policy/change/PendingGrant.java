package dev.behalf.policy.change;

import dev.behalf.policy.directory.RecipientId;

import java.time.Instant;
import java.util.Objects;

/**
 * A grant change written to the directory but not yet in force: Exchange Online replicates permission
 * changes to the servers that decide with a delay (Microsoft documents up to two hours), so until
 * {@code inForceAt} a decision still sees the grants as they were.
 *
 * @param target  the mailbox or group whose grants changed
 * @param added   the entries the change added (refused until {@code inForceAt})
 * @param removed the entries the change removed (still honoured until {@code inForceAt})
 * @param origin  the change set's origin (the cmdlet text, "web admin")
 */
public record PendingGrant(RecipientId target, GrantLists added, GrantLists removed, Instant inForceAt, String origin) {

    public PendingGrant {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(inForceAt, "inForceAt");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether {@code trustee} is one of the entries this change adds or removes. */
    public boolean concerns(RecipientId trustee) {
        return added.sendAs().stream().anyMatch(e -> e.trustee().equals(trustee)) || added.sendOnBehalf().contains(trustee)
                || added.fullAccess().stream().anyMatch(e -> e.trustee().equals(trustee))
                || removed.sendAs().stream().anyMatch(e -> e.trustee().equals(trustee)) || removed.sendOnBehalf().contains(trustee)
                || removed.fullAccess().stream().anyMatch(e -> e.trustee().equals(trustee));
    }
}
