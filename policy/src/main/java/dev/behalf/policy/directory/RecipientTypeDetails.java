package dev.behalf.policy.directory;

import java.util.Optional;

/**
 * Exchange's {@code RecipientTypeDetails}: what kind of object a recipient is, and what that allows
 * (spec §1). Capabilities are fixed per type; a {@code switch} over this enum is exhaustive.
 */
public enum RecipientTypeDetails {
    UserMailbox("UserMailbox", Family.MAILBOX, true),
    LinkedMailbox("UserMailbox", Family.MAILBOX, true),
    RoomMailbox("UserMailbox", Family.MAILBOX, false),
    EquipmentMailbox("UserMailbox", Family.MAILBOX, false),
    SharedMailbox("UserMailbox", Family.MAILBOX, false),
    ArbitrationMailbox("UserMailbox", Family.MAILBOX, false),
    DiscoveryMailbox("UserMailbox", Family.MAILBOX, false),
    MailUser("MailUser", Family.MAIL_USER, true),
    User("User", Family.USER, true),
    MailUniversalDistributionGroup("MailUniversalDistributionGroup", Family.STATIC_GROUP, false),
    MailUniversalSecurityGroup("MailUniversalSecurityGroup", Family.STATIC_GROUP, false),
    DynamicDistributionGroup("DynamicDistributionGroup", Family.DYNAMIC_GROUP, false),
    UniversalSecurityGroup("Group", Family.STATIC_GROUP, false),
    NonUniversalGroup("Group", Family.STATIC_GROUP, false),
    /**
     * A Microsoft 365 Group (UnifiedGroup), Exchange Online's {@code GroupMailbox}: members and owners, mail
     * to it reaches its members, Send As and Send on Behalf may be granted on it to mailbox users only
     * ({@link PermissionTable}). Exchange Online prints its RecipientType as MailUniversalDistributionGroup.
     */
    GroupMailbox("MailUniversalDistributionGroup", Family.STATIC_GROUP, false);

    /** Broad families that share behaviour. */
    public enum Family { MAILBOX, MAIL_USER, USER, STATIC_GROUP, DYNAMIC_GROUP }

    private final String recipientType;
    private final Family family;
    private final boolean canSignIn;

    RecipientTypeDetails(String recipientType, Family family, boolean canSignIn) {
        this.recipientType = recipientType;
        this.family = family;
        this.canSignIn = canSignIn;
    }

    /** Exchange's coarser {@code RecipientType} column (shared and resource mailboxes are UserMailbox). */
    public String recipientType() {
        return recipientType;
    }

    public Family family() {
        return family;
    }

    /** Whether an account of this type may authenticate (spec §1 "can sign in"). */
    public boolean canSignIn() {
        return canSignIn;
    }

    /** Whether mail to the object lands in a store mailbox here. */
    public boolean hasMailbox() {
        return family == Family.MAILBOX;
    }

    /** Whether the object has SMTP addresses. */
    public boolean isMailEnabled() {
        return switch (this) {
            case User, UniversalSecurityGroup, NonUniversalGroup -> false;
            default -> true;
        };
    }

    public boolean isGroup() {
        return family == Family.STATIC_GROUP || family == Family.DYNAMIC_GROUP;
    }

    /** Groups with a stored member list (everything but dynamic distribution groups). */
    public boolean hasMembers() {
        return family == Family.STATIC_GROUP;
    }

    /** Whether the object has owners besides members: Microsoft 365 Groups only. */
    public boolean hasOwners() {
        return this == GroupMailbox;
    }

    /** Arbitration and discovery mailboxes are hidden from address lists unless told otherwise. */
    public boolean hiddenByDefault() {
        return this == ArbitrationMailbox || this == DiscoveryMailbox;
    }

    /** An account or security group that can appear in an ACL (dynamic groups never can, spec §3). */
    public boolean isSecurityPrincipal() {
        return switch (this) {
            // A Microsoft 365 Group is never a delegate of anything in Exchange (see PermissionTable).
            case MailUniversalDistributionGroup, DynamicDistributionGroup, GroupMailbox -> false;
            default -> true;
        };
    }

    /** Looks a type up by its Exchange name, case-insensitively. */
    public static Optional<RecipientTypeDetails> byName(String name) {
        String wanted = name.strip();
        for (RecipientTypeDetails t : values()) {
            if (t.name().equalsIgnoreCase(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
