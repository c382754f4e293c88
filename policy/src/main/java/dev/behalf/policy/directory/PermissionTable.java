package dev.behalf.policy.directory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.behalf.policy.directory.RecipientTypeDetails.*;

/**
 * The seed's table of which recipient types may be the target and the trustee of each right, on
 * each surface (spec §3). The Shell column adds to the EAC column.
 *
 * <p>One row the seed (Exchange Server) doesn't have: Microsoft 365 Groups ({@link RecipientTypeDetails#GroupMailbox}).
 * Send As and Send on Behalf may be granted on one, in the EAC and the Shell, to mailbox users only
 * ({@link #UNIFIED_GROUP_DELEGATES}): Microsoft's "Allow members to send as or send on behalf of a group"
 * (learn.microsoft.com/microsoft-365/solutions/allow-members-to-send-as-or-send-on-behalf-of-group) adds
 * delegates by a user's address and says "Guests in the group can't be granted these permissions", so no
 * mail user (a guest), group or account without a mailbox. Full Access is not granted on a group mailbox:
 * its members reach its content by being members, and Add-MailboxPermission is for mailboxes.
 */
public final class PermissionTable {
    private PermissionTable() {
    }

    private static final Set<RecipientTypeDetails> SIGN_IN_MAILBOXES_AND_MAIL_PRINCIPALS =
            EnumSet.of(UserMailbox, LinkedMailbox, MailUser, MailUniversalSecurityGroup);
    private static final Set<RecipientTypeDetails> PERSONAL_AND_RESOURCE_MAILBOXES =
            EnumSet.of(UserMailbox, LinkedMailbox, RoomMailbox, EquipmentMailbox);
    private static final Set<RecipientTypeDetails> MAIL_GROUPS =
            EnumSet.of(MailUniversalDistributionGroup, DynamicDistributionGroup, MailUniversalSecurityGroup);

    /** The delegates a Microsoft 365 Group accepts, for Send As and Send on Behalf alike. */
    public static final Set<RecipientTypeDetails> UNIFIED_GROUP_DELEGATES =
            Collections.unmodifiableSet(EnumSet.of(UserMailbox, LinkedMailbox));

    // Computed once: check() runs for every grant of a 100,000-object directory.
    private static final Map<Right, Map<Surface, Set<RecipientTypeDetails>>> TARGETS = table(true);
    private static final Map<Right, Map<Surface, Set<RecipientTypeDetails>>> TRUSTEES = table(false);

    private static Map<Right, Map<Surface, Set<RecipientTypeDetails>>> table(boolean targets) {
        Map<Right, Map<Surface, Set<RecipientTypeDetails>>> byRight = new EnumMap<>(Right.class);
        for (Right right : Right.values()) {
            Map<Surface, Set<RecipientTypeDetails>> bySurface = new EnumMap<>(Surface.class);
            for (Surface surface : Surface.values()) {
                bySurface.put(surface, Collections.unmodifiableSet(targets ? computeTargets(right, surface) : computeTrustees(right, surface)));
            }
            byRight.put(right, bySurface);
        }
        return byRight;
    }

    /** The types that may be the target of {@code right} on {@code surface}. */
    public static Set<RecipientTypeDetails> targets(Right right, Surface surface) {
        return TARGETS.get(right).get(surface);
    }

    /**
     * The types that may be the trustee (delegate) of {@code right} on {@code surface}, on the seed's targets;
     * {@link #trustees(Right, Surface, RecipientTypeDetails)} says it for one target type.
     */
    public static Set<RecipientTypeDetails> trustees(Right right, Surface surface) {
        return TRUSTEES.get(right).get(surface);
    }

    /** The types that may be the trustee of {@code right} on {@code surface} on a target of type {@code target}. */
    public static Set<RecipientTypeDetails> trustees(Right right, Surface surface, RecipientTypeDetails target) {
        return target == GroupMailbox ? UNIFIED_GROUP_DELEGATES : trustees(right, surface);
    }

    private static EnumSet<RecipientTypeDetails> computeTargets(Right right, Surface surface) {
        EnumSet<RecipientTypeDetails> s = EnumSet.copyOf(PERSONAL_AND_RESOURCE_MAILBOXES);
        switch (right) {
            case FullAccess -> {
                s.add(SharedMailbox);
                if (surface == Surface.Shell) {
                    s.addAll(EnumSet.of(ArbitrationMailbox, DiscoveryMailbox));
                }
            }
            case SendAs -> {
                s.add(SharedMailbox);
                s.addAll(MAIL_GROUPS);
                s.add(GroupMailbox);
            }
            case SendOnBehalf -> {
                s.addAll(MAIL_GROUPS);
                s.add(GroupMailbox);
                if (surface == Surface.Shell) {
                    s.add(SharedMailbox);
                }
            }
        }
        return s;
    }

    private static EnumSet<RecipientTypeDetails> computeTrustees(Right right, Surface surface) {
        EnumSet<RecipientTypeDetails> s = EnumSet.copyOf(SIGN_IN_MAILBOXES_AND_MAIL_PRINCIPALS);
        if (surface == Surface.Shell) {
            switch (right) {
                case FullAccess -> s.addAll(EnumSet.of(User, UniversalSecurityGroup, NonUniversalGroup));
                case SendAs -> { }
                case SendOnBehalf -> s.add(MailUniversalDistributionGroup);
            }
        }
        return s;
    }

    /**
     * Checks one combination; empty when allowed, otherwise the refusal naming the right, the target
     * type and the trustee type, and what would be allowed.
     */
    public static Optional<String> check(Right right, Surface surface, RecipientTypeDetails target,
                                         RecipientTypeDetails trustee) {
        Set<RecipientTypeDetails> targets = targets(right, surface);
        if (!targets.contains(target)) {
            return Optional.of(right.label() + " can't be granted on a " + target + " to a " + trustee + " in " + surface.label()
                    + "; targets allowed there: " + names(targets) + ".");
        }
        Set<RecipientTypeDetails> trustees = trustees(right, surface, target);
        if (!trustees.contains(trustee)) {
            return Optional.of(right.label() + " on a " + target + " can't be granted to a " + trustee + " in "
                    + surface.label() + "; delegates allowed there: " + names(trustees) + ".");
        }
        return Optional.empty();
    }

    private static String names(Set<RecipientTypeDetails> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }
}
