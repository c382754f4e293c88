package dev.behalf.gateway.http.admin;

import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.MailboxAccess;
import dev.behalf.policy.decision.SendAttempt;
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
 * Who can do what on one mailbox or group: the grants set on it, and for every account that can
 * sign in, whether it holds Send As, Send on Behalf and Full Access (directly or via which group),
 * and what {@link DelegationPolicy#decide} makes of a message From the target's primary address.
 *
 * @param entries every grant on the target, as set (trustees may be groups)
 * @param rows    one per account; only accounts holding something unless every account was asked for
 */
public record DelegationMatrix(RecipientRow target, List<Entry> entries, List<Row> rows, long directoryVersion) {

    /** One grant set on the target. */
    public record Entry(String right, RecipientRow trustee, String control) {
    }

    /**
     * One account. Each cell is empty when the account holds nothing there, otherwise "direct" or
     * "via group A > B" (and "Deny ..." for a Send As or Full Access Deny entry).
     */
    public record Row(RecipientRow account, Optional<String> sendAs, Optional<String> sendOnBehalf,
                      Optional<String> fullAccess, String decision, String because) {
        boolean holdsSomething() {
            return sendAs.isPresent() || sendOnBehalf.isPresent() || fullAccess.isPresent() || decision.equals("Self");
        }
    }

    public static DelegationMatrix of(Directory directory, Recipient target, boolean everyAccount) {
        List<Entry> entries = new ArrayList<>();
        target.sendAs().forEach(e -> entries.add(new Entry("SendAs", row(directory, e.trustee()), e.control().name())));
        target.grantSendOnBehalfTo().forEach(id -> entries.add(new Entry("SendOnBehalf", row(directory, id), "Allow")));
        target.fullAccess().forEach(e -> entries.add(new Entry("FullAccess", row(directory, e.trustee()), e.control().name())));
        List<Row> rows = new ArrayList<>();
        for (Recipient account : directory.recipients()) {
            if (!account.canSignIn()) {
                continue;
            }
            Row row = row(directory, target, account);
            if (everyAccount || row.holdsSomething()) {
                rows.add(row);
            }
        }
        return new DelegationMatrix(RecipientRow.of(target), entries, rows, directory.version());
    }

    private static Row row(Directory directory, Recipient target, Recipient account) {
        Membership m = directory.membership(account.id());
        Optional<String> sendAs = sendAs(directory, target.sendAs(), m);
        Optional<String> onBehalf = target.grantSendOnBehalfTo().stream().filter(m::covers)
                .map(id -> via(directory, m, id)).findFirst();
        Optional<String> fullAccess = fullAccess(directory, target, account, m);
        String decision = "Denied";
        String because = target.displayName() + " has no address to send from";
        Optional<SmtpAddress> address = target.primarySmtpAddress();
        if (address.isPresent()) {
            Decision d = DelegationPolicy.decide(directory, SendAttempt.of(account.id(), address.get()));
            decision = d.outcome().name();
            because = d.because().text();
        }
        return new Row(RecipientRow.of(account), sendAs, onBehalf, fullAccess, decision, because);
    }

    private static Optional<String> sendAs(Directory directory, List<SendAsEntry> entries, Membership m) {
        Optional<String> allow = Optional.empty();
        for (SendAsEntry e : entries) {
            if (m.covers(e.trustee())) {
                if (e.control() == AccessControl.Deny) {
                    return Optional.of("Deny " + via(directory, m, e.trustee()));
                }
                allow = allow.or(() -> Optional.of(via(directory, m, e.trustee())));
            }
        }
        return allow;
    }

    private static Optional<String> fullAccess(Directory directory, Recipient target, Recipient account, Membership m) {
        if (!target.type().hasMailbox()) {
            return Optional.empty();
        }
        Optional<MailboxAccess.Grant> grant = MailboxAccess.canOpen(directory, account.id(), target.id());
        if (grant.isPresent()) {
            return Optional.of(grant.get().viaGroup().isEmpty() ? "direct" : grant.get().reason());
        }
        for (FullAccessEntry e : target.fullAccess()) {
            if (m.covers(e.trustee()) && e.control() == AccessControl.Deny) {
                return Optional.of("Deny " + via(directory, m, e.trustee()));
            }
        }
        return Optional.empty();
    }

    private static String via(Directory directory, Membership m, RecipientId trustee) {
        List<RecipientId> path = m.path(trustee);
        if (path.isEmpty()) {
            return "direct";
        }
        return "via group " + String.join(" > ", path.stream().map(id -> directory.get(id).map(Recipient::displayName)
                .orElse(id.toString())).toList());
    }

    private static RecipientRow row(Directory directory, RecipientId id) {
        return RecipientRow.of(directory.require(id));
    }
}
