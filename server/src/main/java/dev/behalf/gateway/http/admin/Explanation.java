package dev.behalf.gateway.http.admin;

import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.change.Propagation;
import dev.behalf.gateway.http.Request;
import dev.behalf.gateway.http.ui.OutlookFrom;
import dev.behalf.message.Address;
import dev.behalf.message.HeaderText;
import dev.behalf.message.MailboxList;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.decision.SenderRule;
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
 * The Explain tool's answer: what a submission by an account with a given From (and Sender, and for a
 * resent message Resent-From and Resent-Sender) would meet, decided by the very function the gateway
 * calls ({@link SenderRule#judge}): the outcome, why, through which groups, the Sender the stored copies
 * would carry and the SMTP reply each dialect would send, without sending anything. Addresses are read as
 * header values ({@link MailboxList}), so {@code Ayla Kol <ayla@contoso.com>, terrya@contoso.com} works.
 *
 * @param outcome         Self, SendAs, SendOnBehalf, Denied, or Rejected when the header's shape is refused
 *                        (several From mailboxes and no Sender)
 * @param detail          why a Rejected submission is refused
 * @param fromDisplay     the From line a client would show for the delivered message
 * @param deliveredSender the Sender header the message would be delivered with
 * @param replies         the reply per dialect, the server's own dialect first
 * @param memberOf        the account's groups, transitively, each as its path ("Helpdesk > Escalation")
 * @param propagation     "granted, not yet in force: ..." when a grant change still propagating would decide otherwise
 */
public record Explanation(RecipientRow account, List<String> from, Optional<String> sender, String outcome,
                          Optional<String> detail, List<Verdict> verdicts, Optional<String> deliveredSender, String fromDisplay,
                          List<String> resentFrom, Optional<String> resentOutcome, List<Verdict> resentVerdicts,
                          Optional<String> deliveredResentSender, List<Reply> replies, List<String> memberOf,
                          long directoryVersion, Optional<String> propagation) {

    /** The decision on one From address. */
    public record Verdict(String from, String outcome, String reason, String text, Optional<String> target,
                          Optional<String> trustee, List<String> viaGroups) {
    }

    /** The wire reply of one dialect; an accepted one shows a placeholder for the message's id. */
    public record Reply(String dialect, String reply, boolean serverDialect) {
    }

    /** What to explain: the header values a client would send (all but {@code from} may be absent). */
    public record Claims(String from, Optional<String> sender, Optional<String> resentFrom, Optional<String> resentSender) {
    }

    /**
     * Explains {@code account} (any sign-in name or identity) sending with these header values; bad input is a
     * {@link Request.BadRequest}.
     */
    public static Explanation of(Directory directory, String account, Claims claims, Dialect dialect, String hostName) {
        return of(directory, Optional.empty(), account, claims, dialect, hostName);
    }

    /** As a submission now would be decided: on the grants in force, saying which pending change would alter it. */
    public static Explanation of(LiveDirectory live, String account, Claims claims, Dialect dialect, String hostName) {
        return of(live.inForce(), Optional.of(live), account, claims, dialect, hostName);
    }

    private static Explanation of(Directory directory, Optional<LiveDirectory> live, String account, Claims claims, Dialect dialect,
                                  String hostName) {
        Recipient who = account(directory, account);
        List<Address> from = mailboxes(claims.from(), "from");
        if (from.isEmpty()) {
            throw new Request.BadRequest("from: give at least one address");
        }
        List<Address> sender = claims.sender().map(s -> mailboxes(s, "sender")).orElse(List.of());
        if (sender.size() > 1) {
            throw new Request.BadRequest("sender: a Sender holds one mailbox");
        }
        List<Address> resentFrom = claims.resentFrom().map(s -> mailboxes(s, "resentFrom")).orElse(List.of());
        List<Address> resentSender = claims.resentSender().map(s -> mailboxes(s, "resentSender")).orElse(List.of());
        SendAttempt attempt = new SendAttempt(who.id(), addresses(from), addresses(sender).stream().findFirst(),
                addresses(resentFrom), addresses(resentSender));
        SenderRule.Verdict verdict = SenderRule.judge(directory, attempt);
        Decision decision = DelegationPolicy.decide(directory, attempt);
        Optional<Decision> resent = attempt.resent()
                ? Optional.of(DelegationPolicy.decide(directory, who.id(), attempt.resentFrom())) : Optional.empty();
        Optional<String> delivered = Optional.empty();
        Optional<String> deliveredResent = Optional.empty();
        String outcome = decision.outcome().name();
        Optional<String> detail = Optional.empty();
        if (verdict instanceof SenderRule.Accepted accepted) {
            delivered = sender(accepted.sender(), who, "Sender", claims.sender());
            deliveredResent = sender(accepted.resentSender(), who, "Resent-Sender", claims.resentSender());
        }
        if (verdict instanceof SenderRule.Refused refused) {
            // As the gateway records it: Denied when rights refused it, Rejected when the header's shape did.
            outcome = refused.denied().isPresent() ? "Denied" : "Rejected";
            detail = refused.denied().isPresent() ? Optional.empty() : Optional.of(refused.detail());
        }
        String fromHeader = String.join(", ", from.stream().map(a -> display(directory, a)).toList());
        List<Reply> replies = new ArrayList<>();
        for (Dialect d : ordered(dialect)) {
            String reply = verdict instanceof SenderRule.Refused refused ? refused.refusal().reply(d).toString()
                    : Acceptance.queued("<message-id>", 1, hostName).toString();
            replies.add(new Reply(d.cliName(), reply, d == dialect));
        }
        return new Explanation(RecipientRow.of(who), attempt.from().stream().map(Object::toString).toList(),
                attempt.sender().map(Object::toString), outcome, detail,
                decision.authorizations().stream().map(Explanation::verdict).toList(), delivered,
                verdict instanceof SenderRule.Accepted ? OutlookFrom.render(fromHeader, delivered) : "",
                attempt.resentFrom().stream().map(Object::toString).toList(), resent.map(r -> r.outcome().name()),
                resent.map(r -> r.authorizations().stream().map(Explanation::verdict).toList()).orElse(List.of()),
                deliveredResent, replies, groups(directory, who.id()), directory.version(),
                live.flatMap(l -> Propagation.note(l, attempt, decision)));
    }

    /** The field's value after the gateway's rewriting, unfolded, as the decision record shows it. */
    private static Optional<String> sender(SenderRule.Action action, Recipient who, String field, Optional<String> client) {
        return switch (action) {
            case NONE -> Optional.empty();
            case KEEP_CLIENT -> client.map(String::strip);
            case STAMP_ACCOUNT -> Optional.of(HeaderText.unfold(MailboxList.headerValue(field, who.displayName(),
                    who.primarySmtpAddress().map(Object::toString).orElse(who.account().orElseThrow().userPrincipalName()))));
        };
    }

    private static List<Address> mailboxes(String value, String field) {
        List<Address> out;
        try {
            out = MailboxList.parse(value);
        } catch (MailboxList.AddressSyntaxException e) {
            throw new Request.BadRequest(field + ": '" + value.strip() + "' is not a list of addresses: " + e.getMessage());
        }
        for (Address a : out) {
            if (a.group() || SmtpAddress.tryParse(a.address()).isEmpty()) {
                throw new Request.BadRequest(field + ": '" + a.address() + "' is not an address (expected local@domain)");
            }
        }
        return out;
    }

    private static List<SmtpAddress> addresses(List<Address> mailboxes) {
        return mailboxes.stream().map(a -> SmtpAddress.parse(a.address())).toList();
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

    /** The mailbox as a client shows it: its own display name, else the directory's name for the address. */
    private static String display(Directory directory, Address a) {
        if (a.displayName().isPresent()) {
            return a.display();
        }
        SmtpAddress address = SmtpAddress.parse(a.address());
        return directory.byAddress(address).map(r -> new Address(Optional.of(r.displayName()), address.toString(), false).display())
                .orElse(address.toString());
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
