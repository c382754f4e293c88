package dev.behalf.policy.directory;

import java.util.Objects;

/**
 * One Full Access entry on a mailbox (spec §3): who, Allow or Deny, inheritance, and whether
 * Autodiscover should auto-map the mailbox for the trustee.
 */
public record FullAccessEntry(RecipientId trustee, AccessControl control, InheritanceType inheritance,
                              boolean autoMapping) {

    public FullAccessEntry {
        Objects.requireNonNull(trustee, "trustee");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(inheritance, "inheritance");
    }

    public static FullAccessEntry allow(RecipientId trustee) {
        return new FullAccessEntry(trustee, AccessControl.Allow, InheritanceType.All, true);
    }

    /** Two entries are the same ACE when trustee, control and inheritance match; AutoMapping is a flag on it. */
    public boolean sameAce(FullAccessEntry other) {
        return trustee.equals(other.trustee) && control == other.control && inheritance == other.inheritance;
    }
}
