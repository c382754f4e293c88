package dev.behalf.policy.change;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.InheritanceType;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.Right;
import dev.behalf.policy.directory.SendAsEntry;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GrantEditor} adds or removes for a trustee (spec §3): a right, Allow or Deny, and for
 * Full Access the inheritance and AutoMapping. Left empty, inheritance means {@code All} when adding
 * and any inheritance when removing; AutoMapping means {@code $true} for a new entry and "leave it as
 * it is" for an existing one, as in Exchange.
 *
 * <pre>{@code
 * Grant.of(Right.FullAccess, AccessControl.Allow).inheritance(InheritanceType.All).autoMapping(false)
 * }</pre>
 */
public record Grant(Right right, AccessControl control, Optional<InheritanceType> inheritance, Optional<Boolean> autoMapping) {

    public Grant {
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(inheritance, "inheritance");
        Objects.requireNonNull(autoMapping, "autoMapping");
        if (right == Right.SendOnBehalf && control == AccessControl.Deny) {
            throw new IllegalArgumentException("GrantSendOnBehalfTo is a list of delegates: it has no Deny entries");
        }
        if (right != Right.FullAccess && (inheritance.isPresent() || autoMapping.isPresent())) {
            throw new IllegalArgumentException("inheritance and AutoMapping belong to Full Access entries, not to " + right.label());
        }
    }

    public static Grant of(Right right, AccessControl control) {
        return new Grant(right, control, Optional.empty(), Optional.empty());
    }

    /** An Allow entry, the only kind the web admin makes. */
    public static Grant allow(Right right) {
        return of(right, AccessControl.Allow);
    }

    public Grant inheritance(InheritanceType type) {
        return new Grant(right, control, Optional.of(type), autoMapping);
    }

    public Grant autoMapping(boolean on) {
        return new Grant(right, control, inheritance, Optional.of(on));
    }

    /** The Full Access entry this grant adds for {@code trustee}: inheritance {@code All} and AutoMapping on unless given. */
    public FullAccessEntry fullAccessEntry(RecipientId trustee) {
        return new FullAccessEntry(trustee, control, inheritance.orElse(InheritanceType.All), autoMapping.orElse(true));
    }

    public SendAsEntry sendAsEntry(RecipientId trustee) {
        return new SendAsEntry(trustee, control);
    }
}
