package dev.behalf.policy.decision;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;

import java.util.List;
import java.util.Optional;

/**
 * The Sender rule (spec §4 with RFC 5322 §3.6.2): given a decision on the From mailboxes and the Sender
 * the client wrote, what Sender the delivered message carries, or why it is refused. The same rule holds
 * for a resent message's Resent-From and Resent-Sender (RFC 5322 §3.6.6). The gateway and Explain both
 * call {@link #judge}, so Explain can not promise what the gateway does not do. Pure.
 *
 * <ul>
 *   <li>Several From mailboxes and no Sender: refused ({@code 550 5.6.0}), whatever the rights.</li>
 *   <li>Denied: refused ({@code 550 5.7.60}).</li>
 *   <li>Send on Behalf: the account is stamped, replacing the client's Sender.</li>
 *   <li>Send As: no Sender (the client's is removed), so nothing shows the delegate; with several From
 *       mailboxes RFC 5322 needs one, and the account is stamped.</li>
 *   <li>Self: the client's Sender is kept when every Sender mailbox is the account's own; otherwise it is
 *       removed, and with several From mailboxes the account is stamped.</li>
 * </ul>
 */
public final class SenderRule {
    private SenderRule() {
    }

    /** The two pairs of fields a sender is claimed in. */
    public enum Fields {
        ORIGINAL("From", "Sender", Refusal.SEVERAL_FROM_WITHOUT_SENDER),
        RESENT("Resent-From", "Resent-Sender", Refusal.SEVERAL_RESENT_FROM_WITHOUT_RESENT_SENDER);

        private final String authors;
        private final String sender;
        private final Refusal severalWithoutSender;

        Fields(String authors, String sender, Refusal severalWithoutSender) {
            this.authors = authors;
            this.sender = sender;
            this.severalWithoutSender = severalWithoutSender;
        }

        /** {@code From} or {@code Resent-From}. */
        public String authors() {
            return authors;
        }

        /** {@code Sender} or {@code Resent-Sender}. */
        public String sender() {
            return sender;
        }
    }

    /** What the delivered message's Sender (or Resent-Sender) field is. */
    public enum Action {
        /** No field: the client sent none, or its one is removed. */
        NONE,
        /** The client's field, kept: every mailbox in it is the account's own. */
        KEEP_CLIENT,
        /** The account's display name and primary address, replacing any client field. */
        STAMP_ACCOUNT
    }

    /** The outcome of a whole submission's claims. */
    public sealed interface Verdict permits Refused, Accepted {
    }

    /**
     * Refused; {@code denied} is the decision that refused it when it was a matter of rights (a record shows
     * its grants), empty when the header's shape was wrong; {@code fields} says which claim was refused.
     */
    public record Refused(Fields fields, Refusal refusal, String detail, Optional<Decision.Denied> denied) implements Verdict {
    }

    /**
     * Accepted: the From decision and its Sender action, and for a resent message the Resent-From decision
     * and its Resent-Sender action ({@link Action#NONE} also removes Resent-Sender fields of a message that
     * is not being resent, unless they are the account's own).
     */
    public record Accepted(Recipient account, Decision decision, Action sender, Optional<Decision> resent,
                           Action resentSender) implements Verdict {
    }

    /**
     * Decides every claim of a submission: From with its Sender, then Resent-From with its Resent-Sender.
     * The first refusal wins; a message without From addresses is the caller's to refuse first.
     */
    public static Verdict judge(Directory directory, SendAttempt attempt) {
        Optional<Refused> shape = shape(attempt);
        if (shape.isPresent()) {
            return shape.get();
        }
        Decision decision = DelegationPolicy.decide(directory, attempt);
        Decision.Denied deniedFrom = decision instanceof Decision.Denied d ? d : null;
        if (deniedFrom != null) {
            return denied(Fields.ORIGINAL, deniedFrom);
        }
        Recipient account = directory.get(attempt.account()).orElseThrow();
        Action sender = action(decision, account, attempt.from().size(), attempt.sender().map(List::of).orElse(List.of()));
        if (!attempt.resent()) {
            boolean own = ownsAll(account, attempt.resentSender());
            return new Accepted(account, decision, sender, Optional.empty(), own ? Action.KEEP_CLIENT : Action.NONE);
        }
        Decision resent = DelegationPolicy.decide(directory, attempt.account(), attempt.resentFrom());
        if (resent instanceof Decision.Denied d) {
            return denied(Fields.RESENT, d);
        }
        return new Accepted(account, decision, sender, Optional.of(resent),
                action(resent, account, attempt.resentFrom().size(), attempt.resentSender()));
    }

    /**
     * The part of the rule that needs no directory: several From (or Resent-From) mailboxes need a Sender
     * (or Resent-Sender). The gateway checks it where it always has, before the message's MIME structure.
     */
    public static Optional<Refused> shape(SendAttempt attempt) {
        if (attempt.from().size() > 1 && attempt.sender().isEmpty()) {
            return Optional.of(several(Fields.ORIGINAL, attempt.from().size()));
        }
        if (attempt.resentFrom().size() > 1 && attempt.resentSender().isEmpty()) {
            return Optional.of(several(Fields.RESENT, attempt.resentFrom().size()));
        }
        return Optional.empty();
    }

    /** At least one address, and each the account's own. */
    private static boolean ownsAll(Recipient account, List<SmtpAddress> addresses) {
        for (SmtpAddress a : addresses) {
            if (!account.owns(a)) {
                return false;
            }
        }
        return !addresses.isEmpty();
    }

    /** The rule for one pair of fields, once the decision allows it (see the class comment). */
    static Action action(Decision decision, Recipient account, int authors, List<SmtpAddress> senders) {
        boolean several = authors > 1;
        return switch (decision.outcome()) {
            case SendOnBehalf -> Action.STAMP_ACCOUNT;
            case SendAs -> several ? Action.STAMP_ACCOUNT : Action.NONE;
            case Self -> ownsAll(account, senders) ? Action.KEEP_CLIENT
                    : several ? Action.STAMP_ACCOUNT : Action.NONE;
            case Denied -> throw new IllegalArgumentException("a denied decision has no Sender: " + decision.because());
        };
    }

    private static Refused several(Fields fields, int count) {
        return new Refused(fields, fields.severalWithoutSender, fields.authors() + " has " + count + " mailboxes and there is no "
                + fields.sender(), Optional.empty());
    }

    private static Refused denied(Fields fields, Decision.Denied denied) {
        String detail = fields == Fields.ORIGINAL ? denied.because().text() : fields.authors() + ": " + denied.because().text();
        return new Refused(fields, Refusal.DENIED_FROM, detail, Optional.of(denied));
    }
}
