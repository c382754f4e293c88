package dev.behalf.policy.decision;

import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.FullAccessEntry;
import dev.behalf.policy.directory.Membership;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SendAsEntry;
import dev.behalf.policy.directory.SmtpAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an authenticated account may send a message with the given From (spec §4); what
 * becomes of its Sender is {@link SenderRule}'s. Pure: no I/O, no logging, no clock; the same directory and attempt always give the
 * same decision.
 */
public final class DelegationPolicy {
    private DelegationPolicy() {
    }

    /** Decides the From of a submission; a message without From addresses is the caller's to refuse first. */
    public static Decision decide(Directory directory, SendAttempt attempt) {
        if (attempt.from().isEmpty()) {
            throw new IllegalArgumentException("a send attempt needs at least one From address");
        }
        return decide(directory, attempt.account(), attempt.from());
    }

    /**
     * Decides whether {@code accountId} may appear as every one of {@code addresses} (the mailboxes of a From,
     * or of the Resent-From fields of a resent message): one {@link Authorization} each, in order.
     */
    public static Decision decide(Directory directory, RecipientId accountId, List<SmtpAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one address");
        }
        Optional<Recipient> maybeAccount = directory.get(accountId);
        if (maybeAccount.isEmpty()) {
            List<Authorization> gone = addresses.stream().map(f -> new Authorization(f, Outcome.Denied,
                    new Because(Because.Reason.ACCOUNT_GONE, accountId.toString(), f.toString(),
                            Optional.empty(), Optional.empty(), List.of()))).toList();
            return new Decision.Denied(accountId.toString(), gone.get(0), gone);
        }
        Recipient account = maybeAccount.get();
        Membership membership = directory.membership(account.id());
        List<Authorization> verdicts = new ArrayList<>(addresses.size());
        Authorization firstDenied = null;
        boolean anyOnBehalf = false;
        boolean anySendAs = false;
        for (SmtpAddress from : addresses) {
            Authorization a = authorize(directory, account, membership, from);
            verdicts.add(a);
            switch (a.outcome()) {
                case Denied -> firstDenied = firstDenied == null ? a : firstDenied;
                case SendOnBehalf -> anyOnBehalf = true;
                case SendAs -> anySendAs = true;
                case Self -> { }
            }
        }
        if (firstDenied != null) {
            return new Decision.Denied(account.displayName(), firstDenied, verdicts);
        }
        if (anyOnBehalf) {
            return new Decision.SendOnBehalf(account, verdicts);
        }
        if (anySendAs) {
            return new Decision.SendAs(account, verdicts);
        }
        return new Decision.Self(account, verdicts);
    }

    /** The verdict on one From address, following the steps of spec §4 in order. */
    static Authorization authorize(Directory directory, Recipient account, Membership membership, SmtpAddress from) {
        String who = account.displayName();
        // Step 1: Self first, before any lookup of the address.
        if (account.owns(from)) {
            return new Authorization(from, Outcome.Self, because(Because.Reason.OWN_ADDRESS, who, from, null, null, List.of()));
        }
        // Step 2: unknown or hidden From is a foreign address (Exchange).
        Optional<Recipient> maybeTarget = directory.byAddress(from);
        if (maybeTarget.isEmpty()) {
            return denied(from, because(Because.Reason.UNKNOWN_FROM, who, from, null, null, List.of()));
        }
        Recipient target = maybeTarget.get();
        if (target.hiddenFromAddressLists()) {
            return denied(from, because(Because.Reason.HIDDEN_FROM, who, from, target.displayName(), null, List.of()));
        }
        // Step 3: Send As always wins over Send on Behalf; Deny beats Allow.
        Match sendAs = null;
        Match deny = null;
        for (SendAsEntry e : target.sendAs()) {
            if (membership.covers(e.trustee())) {
                Match m = new Match(e.trustee(), membership.path(e.trustee()));
                if (e.control() == AccessControl.Deny) {
                    deny = shorter(deny, m);
                } else {
                    sendAs = shorter(sendAs, m);
                }
            }
        }
        if (sendAs != null && deny == null) {
            return new Authorization(from, Outcome.SendAs, because(Because.Reason.SEND_AS, who, from, target.displayName(),
                    name(directory, sendAs.trustee), names(directory, sendAs.path)));
        }
        // Step 4: GrantSendOnBehalfTo, directly or through a group (distribution groups count, spec §3).
        Match onBehalf = null;
        for (RecipientId delegate : target.grantSendOnBehalfTo()) {
            if (membership.covers(delegate)) {
                onBehalf = shorter(onBehalf, new Match(delegate, membership.path(delegate)));
            }
        }
        if (onBehalf != null) {
            return new Authorization(from, Outcome.SendOnBehalf, because(Because.Reason.SEND_ON_BEHALF, who, from,
                    target.displayName(), name(directory, onBehalf.trustee), names(directory, onBehalf.path)));
        }
        // Step 5: refused; say the most useful thing about why.
        if (deny != null) {
            return denied(from, because(Because.Reason.EXPLICIT_DENY, who, from, target.displayName(),
                    name(directory, deny.trustee), names(directory, deny.path)));
        }
        Match fullAccess = fullAccess(target, membership);
        if (fullAccess != null) {
            return denied(from, because(Because.Reason.FULL_ACCESS_ONLY, who, from, target.displayName(),
                    name(directory, fullAccess.trustee), names(directory, fullAccess.path)));
        }
        return denied(from, because(Because.Reason.NO_RIGHT, who, from, target.displayName(), null, List.of()));
    }

    /** An allowed, not denied, Full Access entry covering the account, or null. */
    private static Match fullAccess(Recipient target, Membership membership) {
        Match allow = null;
        for (FullAccessEntry e : target.fullAccess()) {
            if (membership.covers(e.trustee())) {
                if (e.control() == AccessControl.Deny) {
                    return null;
                }
                allow = shorter(allow, new Match(e.trustee(), membership.path(e.trustee())));
            }
        }
        return allow;
    }

    private record Match(RecipientId trustee, List<RecipientId> path) {
    }

    /** Prefer the direct grant, then the shortest group path: it is the clearest explanation. */
    private static Match shorter(Match current, Match candidate) {
        return current == null || candidate.path.size() < current.path.size() ? candidate : current;
    }

    private static Authorization denied(SmtpAddress from, Because because) {
        return new Authorization(from, Outcome.Denied, because);
    }

    private static Because because(Because.Reason reason, String account, SmtpAddress from, String target,
                                   String trustee, List<String> via) {
        return new Because(reason, account, from.toString(), Optional.ofNullable(target), Optional.ofNullable(trustee), via);
    }

    private static String name(Directory directory, RecipientId id) {
        return directory.get(id).map(Recipient::displayName).orElse(id.toString());
    }

    private static List<String> names(Directory directory, List<RecipientId> path) {
        List<String> out = new ArrayList<>(path.size());
        for (RecipientId id : path) {
            out.add(name(directory, id));
        }
        return out;
    }
}
