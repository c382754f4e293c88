package dev.behalf.gateway.http.admin;

import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.ui.OutlookFrom;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.policy.reply.Acceptance;
import dev.behalf.policy.reply.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Explain tool's answer: what {@link DelegationPolicy#decide} says about an account sending
 * with a given From (and Sender), why, through which groups, and the SMTP reply each dialect would
 * send, without sending anything.
 *
 * @param fromDisplay     the From line a client would show for the delivered message
 * @param deliveredSender the Sender header the message would be delivered with
 * @param replies         the reply per dialect, the server's own dialect first
 * @param memberOf        the account's groups, transitively, each as its path ("Helpdesk > Escalation")
 */
public record Explanation(RecipientRow account, List<String> from, Optional<String> sender, String outcome,
                          List<Verdict> verdicts, Optional<String> deliveredSender, String fromDisplay,
                          List<Reply> replies, List<String> memberOf, long directoryVersion) {

    /** The decision on one From address. */
    public record Verdict(String from, String outcome, String reason, String text, Optional<String> target,
                          Optional<String> trustee, List<String> viaGroups) {
    }

    /** The wire reply of one dialect; an accepted one shows a placeholder for the message's id. */
    public record Reply(String dialect, String reply, boolean serverDialect) {
    }

    /**
     * Explains {@code account} (any sign-in name or identity) sending with {@code from} (one or more
     * addresses, comma-separated) and {@code sender}; bad input is a {@link Request.BadRequest}.
     */
    public static Explanation of(Directory directory, String account, String from, Optional<String> sender,
                                 Dialect dialect, String hostName) {
        Recipient who = account(directory, account);
        List<SmtpAddress> froms = new ArrayList<>();
        for (String part : from.split(",")) {
            if (!part.isBlank()) {
                froms.add(address(part, "from"));
            }
        }
        if (froms.isEmpty()) {
            throw new Request.BadRequest("from: give at least one address");
        }
        Optional<SmtpAddress> senderAddress = sender.filter(s -> !s.isBlank()).map(s -> address(s, "sender"));
        Decision decision = DelegationPolicy.decide(directory, new SendAttempt(who.id(), froms, senderAddress));
        List<Verdict> verdicts = decision.authorizations().stream().map(Explanation::verdict).toList();
        Optional<String> delivered = deliveredSender(decision, who, senderAddress);
        String fromHeader = String.join(", ", froms.stream().map(f -> mailbox(directory, f)).toList());
        List<Reply> replies = new ArrayList<>();
        for (Dialect d : ordered(dialect)) {
            String reply = decision instanceof Decision.Denied denied ? denied.reply(d).toString()
                    : Acceptance.queued("<message-id>", 1, hostName).toString();
            replies.add(new Reply(d.cliName(), reply, d == dialect));
        }
        return new Explanation(RecipientRow.of(who), froms.stream().map(Object::toString).toList(),
                senderAddress.map(Object::toString), decision.outcome().name(), verdicts, delivered,
                decision instanceof Decision.Denied ? "" : OutlookFrom.render(fromHeader, delivered),
                replies, groups(directory, who.id()), directory.version());
    }

    /** The Sender header after the gateway's rewriting (spec §4): stamped, kept or removed. */
    private static Optional<String> deliveredSender(Decision decision, Recipient who, Optional<SmtpAddress> sender) {
        if (decision instanceof Decision.SendOnBehalf) {
            return Optional.of(who.mailbox());
        }
        if (decision instanceof Decision.SendAs sendAs) {
            return sendAs.stampSender() ? Optional.of(who.mailbox()) : Optional.empty();
        }
        if (decision instanceof Decision.Self self && self.keepClientSender()) {
            return sender.map(Object::toString);
        }
        return Optional.empty();
    }

    private static Verdict verdict(Authorization a) {
        var b = a.because();
        return new Verdict(a.from().toString(), a.outcome().name(), b.reason().name(), b.text(), b.target(), b.trustee(),
                b.viaGroups());
    }

    private static Recipient account(Directory directory, String identity) {
        if (identity == null || identity.isBlank()) {
            throw new Request.BadRequest("account: choose the account that signs in");
        }
        Optional<Recipient> signIn = directory.account(identity.strip());
        Resolution resolution = directory.resolve(identity.strip());
        Recipient r = signIn.orElseGet(() -> {
            if (resolution instanceof Resolution.Found f) {
                return f.recipient();
            }
            if (resolution instanceof Resolution.Ambiguous a) {
                throw new Request.BadRequest("account: '" + identity + "' matches several recipients: "
                        + String.join(", ", a.matches().stream().map(Recipient::name).toList()));
            }
            throw new Request.BadRequest("account: '" + identity + "' names no recipient; try a UPN such as hollyh@"
                    + directory.organization().domain());
        });
        if (!r.canSignIn()) {
            throw new Request.BadRequest("account: " + r.displayName() + " is a " + r.type() + " and can't sign in, so it can't send");
        }
        return r;
    }

    private static SmtpAddress address(String text, String field) {
        return SmtpAddress.tryParse(text.strip()).orElseThrow(() ->
                new Request.BadRequest(field + ": '" + text.strip() + "' is not an address (expected local@domain)"));
    }

    private static String mailbox(Directory directory, SmtpAddress address) {
        return directory.byAddress(address).map(r -> r.displayName() + " <" + address + ">").orElse(address.toString());
    }

    private static List<Dialect> ordered(Dialect first) {
        List<Dialect> out = new ArrayList<>(List.of(first));
        for (Dialect d : Dialect.values()) {
            if (d != first) {
                out.add(d);
            }
        }
        return out;
    }

    private static List<String> groups(Directory directory, RecipientId account) {
        List<String> out = new ArrayList<>();
        directory.membership(account).paths().values().forEach(path -> out.add(String.join(" > ",
                path.stream().map(id -> directory.get(id).map(Recipient::displayName).orElse(id.toString())).toList())));
        out.sort(null);
        return out;
    }
}
