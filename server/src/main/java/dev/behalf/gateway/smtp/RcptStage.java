package dev.behalf.gateway.smtp;

import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.routing.Route;
import dev.behalf.policy.routing.Router;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** RCPT TO's refusal rules, in the order they are checked. */
final class RcptStage {
    private RcptStage() {
    }

    /**
     * What RCPT knows when it is checked.
     *
     * @param path the forward path without its brackets and parameters, empty when the syntax is wrong
     */
    record RcptCommand(Optional<Transaction> transaction, Optional<String> path, Directory directory) {

        static RcptCommand of(String argument, Optional<Transaction> transaction, Directory directory) {
            if (!argument.toUpperCase(Locale.ROOT).startsWith("TO:") || argument.substring(3).isBlank()) {
                return new RcptCommand(transaction, Optional.empty(), directory);
            }
            String path = argument.substring(3).strip();
            if (path.startsWith("<")) {
                int close = path.indexOf('>');
                path = close < 0 ? path.substring(1) : path.substring(1, close);
            } else if (path.indexOf(' ') > 0) {
                path = path.substring(0, path.indexOf(' '));
            }
            return new RcptCommand(transaction, Optional.of(path.strip()), directory);
        }

        Transaction tx() {
            return transaction.orElseThrow();
        }

        /** The recipient, once the address check passed. */
        SmtpAddress address() {
            return SmtpAddress.parse(path.orElseThrow());
        }
    }

    static List<Check<RcptCommand>> checks(SubmissionSettings settings) {
        return checks(settings, FaultRules.none());
    }

    static List<Check<RcptCommand>> checks(SubmissionSettings settings, FaultRules faults) {
        return List.of(new TransactionOpen(), new Fault(faults), new UnderRecipientLimit(settings.maxRecipients()), new Syntax(),
                new IsAnAddress(), new NeedsNoSmtpUtf8(), new KnownRecipient());
    }

    /**
     * A fault rule for RCPT; once one answered a transaction, its other recipients get the same reply
     * (without counting again), so nothing of a faulted send is delivered.
     */
    record Fault(FaultRules faults) implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            Transaction tx = r.tx();
            if (tx.rcptFault.isPresent()) {
                Refused first = tx.rcptFault.get();
                return Optional.of(new Refused(first.refusal(), first.detail() + " (same transaction)", Optional.empty(), false));
            }
            if (faults.isEmpty()) {
                return Optional.empty();
            }
            Optional<Refused> fired = faults.fire(new FaultRules.Subject(FaultRule.Stage.RCPT, FaultCheck.names(r.directory(), tx.account),
                    tx.mailFrom(), List.of())).map(Refused::fault);
            tx.rcptFault = fired;
            return fired;
        }
    }

    record TransactionOpen() implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return r.transaction().isEmpty() ? Refused.of(Refusal.NEED_MAIL, "RCPT before MAIL") : Optional.empty();
        }
    }

    /** RFC 5321 §4.5.3.1.8; the accepted recipients still get the message. */
    record UnderRecipientLimit(int max) implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return r.tx().recipients.size() >= max ? Refused.of(Refusal.TOO_MANY_RECIPIENTS, "more than " + max + " recipients")
                    : Optional.empty();
        }
    }

    record Syntax() implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return r.path().isEmpty() ? Refused.of(Refusal.BAD_RCPT_SYNTAX, "RCPT without TO:<path>") : Optional.empty();
        }
    }

    record IsAnAddress() implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return SmtpAddress.tryParse(r.path().orElseThrow()).isEmpty()
                    ? Refused.of(Refusal.BAD_RECIPIENT_ADDRESS, "forward path '" + r.path().orElseThrow() + "' is not an address")
                    : Optional.empty();
        }
    }

    record NeedsNoSmtpUtf8() implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return !MailStage.ascii(r.path().orElseThrow()) && !r.tx().parameters.smtpUtf8()
                    ? Refused.of(Refusal.SMTPUTF8_REQUIRED, "forward path '" + r.path().orElseThrow() + "' needs SMTPUTF8")
                    : Optional.empty();
        }
    }

    /** Spec §5: an address of an accepted domain that nobody owns. */
    record KnownRecipient() implements Check<RcptCommand> {
        public Optional<Refused> check(RcptCommand r) {
            return Router.route(r.directory(), r.address()) instanceof Route.Unknown unknown
                    ? Refused.of(unknown.refusal(), r.address() + " is nobody's address") : Optional.empty();
        }
    }
}
