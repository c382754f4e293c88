package dev.behalf.policy.decision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one From address was accepted or refused: the rule, the grant's target and trustee and the
 * group path that led to it. Names are display names so that a record is readable on its own.
 *
 * @param reason   the rule of spec §4 that decided
 * @param account  the authenticated account's display name
 * @param from     the From address examined
 * @param target   the object that owns the From address, when there is one
 * @param trustee  the trustee of the entry that decided (the account itself or one of its groups)
 * @param viaGroups the groups from the account up to the trustee, direct group first
 */
public record Because(Reason reason, String account, String from, Optional<String> target, Optional<String> trustee,
                      List<String> viaGroups) {

    /** The rules of spec §4, plus the failure modes around them. */
    public enum Reason {
        OWN_ADDRESS, SEND_AS, SEND_ON_BEHALF, UNKNOWN_FROM, HIDDEN_FROM, EXPLICIT_DENY, FULL_ACCESS_ONLY, NO_RIGHT,
        ACCOUNT_GONE
    }

    public Because {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(trustee, "trustee");
        viaGroups = List.copyOf(viaGroups);
    }

    /** One sentence for logs, the decision record and the web UI. */
    public String text() {
        String t = target.orElse(from);
        String via = viaGroups.isEmpty() ? "" : " via group " + String.join(" > ", viaGroups);
        return switch (reason) {
            case OWN_ADDRESS -> from + " is " + account + "'s own address";
            case SEND_AS -> account + " holds Send As on " + t + via;
            case SEND_ON_BEHALF -> account + " is in GrantSendOnBehalfTo of " + t + via;
            case UNKNOWN_FROM -> from + " is not an address of any recipient in the directory";
            case HIDDEN_FROM -> t + " is hidden from address lists, so nobody may send from it";
            case EXPLICIT_DENY -> "a Deny entry for " + trustee.orElse(account) + " refuses Send As on " + t + via
                    + ", and " + account + " is not in its GrantSendOnBehalfTo";
            case FULL_ACCESS_ONLY -> account + " holds Full Access on " + t + via
                    + ", which does not allow sending; Send As or Send on Behalf is needed";
            case NO_RIGHT -> account + " holds neither Send As nor Send on Behalf on " + t;
            case ACCOUNT_GONE -> "the account " + account + " no longer exists";
        };
    }

    @Override
    public String toString() {
        return text();
    }
}
