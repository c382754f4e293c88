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

    /** The types that may be the trustee (delegate) of {@code right} on {@code surface}. */
    public static Set<RecipientTypeDetails> trustees(Right right, Surface surface) {
        return TRUSTEES.get(right).get(surface);
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
            }
            case SendOnBehalf -> {
                s.addAll(MAIL_GROUPS);
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
        Set<RecipientTypeDetails> trustees = trustees(right, surface);
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
