package dev.behalf.gateway.smtp;

import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.message.LineRule;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.decision.SenderRule;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * DATA's refusal rules: before the 354 (is there a transaction with recipients?) and at the end of the
 * data (the bytes, the header section, the delegation decision), in the order they are checked. Each
 * message check sees what the ones before it established: the size, then the bytes, then the parse, then
 * the decision. Nothing is stored for a refused message but its decision record.
 */
final class DataStage {
    private DataStage() {
    }

    static List<Check<Optional<Transaction>>> startChecks() {
        return List.of(
                tx -> tx.isEmpty() ? Refused.of(Refusal.NEED_MAIL, "DATA before MAIL") : Optional.empty(),
                tx -> tx.orElseThrow().recipients.isEmpty() ? Refused.of(Refusal.NEED_RCPT, "DATA before any RCPT") : Optional.empty());
    }

    /** One message at the end of DATA, and what the checks so far found out about it. */
    static final class Submission {
        final Transaction tx;
        final Directory directory;
        /** The message, or empty when it was over the size limit (read to its end all the same). */
        final Optional<byte[]> raw;
        ParsedMessage message;
        /** Made by the first {@link #attempt()}, after the header check has set {@link #message} (only it does). */
        private SendAttempt attempt;
        SenderRule.Accepted verdict;

        Submission(Transaction tx, Directory directory, Optional<byte[]> raw) {
            this.tx = tx;
            this.directory = directory;
            this.raw = raw;
        }

        /** The attempt the policy judges, made once from the parsed message (three checks ask for it). */
        SendAttempt attempt() {
            if (attempt == null) {
                attempt = new SendAttempt(tx.account.account(), addresses(message.from()), message.sender().map(Mailbox::address),
                        addresses(message.resentFrom()), addresses(message.resentSender()));
            }
            return attempt;
        }

        private static List<SmtpAddress> addresses(List<Mailbox> mailboxes) {
            SmtpAddress[] out = new SmtpAddress[mailboxes.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = mailboxes.get(i).address();
            }
            return List.of(out);
        }
    }

    static List<Check<Submission>> messageChecks(SubmissionSettings settings) {
        return messageChecks(settings, FaultRules.none());
    }

    static List<Check<Submission>> messageChecks(SubmissionSettings settings, FaultRules faults) {
        int maxSize = settings.maxMessageSize();
        ParsedMessage.Limits limits = settings.limits();
        return List.of(
                new Fault(faults),
                s -> s.raw.isEmpty() ? Refused.of(Refusal.TOO_BIG, "the message is larger than " + maxSize + " bytes") : Optional.empty(),
                new OneLineRule(),
                new EightBitDeclared(),
                new HeadersParse(limits),
                s -> s.message.from().isEmpty() ? Refused.of(Refusal.NO_FROM, "the message has no From header") : Optional.empty(),
                s -> SenderRule.shape(s.attempt()).map(r -> new Refused(r.refusal(), r.detail(), Optional.empty(), false)),
                new MimeComplexity(limits),
                new Delegation());
    }

    /** A fault rule for DATA answers at the end of the data, before anything is parsed or stored. */
    record Fault(FaultRules faults) implements Check<Submission> {
        public Optional<Refused> check(Submission s) {
            if (faults.isEmpty()) {
                return Optional.empty();
            }
            return faults.fire(new FaultRules.Subject(FaultRule.Stage.DATA, FaultCheck.names(s.directory, s.tx.account),
                    s.tx.mailFrom(), List.of())).map(Refused::fault);
        }
    }

    /** NUL, and CR or LF anywhere but in a CR LF pair (RFC 5321 §2.3.8; see {@link LineRule}). */
    record OneLineRule() implements Check<Submission> {
        public Optional<Refused> check(Submission s) {
            byte[] raw = s.raw.orElseThrow();
            return LineRule.firstBreach(raw, 0, raw.length).flatMap(b -> Refused.of(switch (b.problem()) {
                case NUL -> Refusal.NUL_CHARACTERS;
                case BARE_CR -> Refusal.BARE_CARRIAGE_RETURN;
                default -> Refusal.BARE_LINEFEED;
            }, b.detail()));
        }
    }

    /** RFC 6152: 8-bit data needs BODY=8BITMIME (or SMTPUTF8, which implies it). */
    record EightBitDeclared() implements Check<Submission> {
        static final int EIGHT_BIT_WINDOW = 64 * 1024;

        public Optional<Refused> check(Submission s) {
            if (s.tx.parameters.body8bit() || s.tx.parameters.smtpUtf8()) {
                return Optional.empty();
            }
            // String(byte[], Charset) replaces every byte over 127 by U+FFFD, which no ASCII byte decodes to. Not a loop
            // of our own: under load a busy C2 queue kept that loop interpreted for tens of thousands of messages (6% of
            // the server's CPU, docs/benchmarks.md); the String's ASCII check is compiled from the start, and vectorised.
            // A window at a time, so a large message costs no second copy of its size.
            byte[] raw = s.raw.orElseThrow();
            for (int at = 0; at < raw.length; at += EIGHT_BIT_WINDOW) {
                if (new String(raw, at, Math.min(EIGHT_BIT_WINDOW, raw.length - at), StandardCharsets.US_ASCII).indexOf('\uFFFD') >= 0) {
                    return Refused.of(Refusal.EIGHT_BIT_NOT_DECLARED, "8-bit data but MAIL FROM declared neither BODY=8BITMIME nor SMTPUTF8");
                }
            }
            return Optional.empty();
        }
    }

    /** The one header parse ({@link ParsedMessage}); without SMTPUTF8 the header section must be ASCII (RFC 6532). */
    record HeadersParse(ParsedMessage.Limits limits) implements Check<Submission> {
        public Optional<Refused> check(Submission s) {
            try {
                s.message = ParsedMessage.parse(s.raw.orElseThrow(), s.tx.parameters.smtpUtf8(), limits);
                return Optional.empty();
            } catch (MalformedMessageException e) {
                return Refused.of(e.refusal(), e.getMessage());
            }
        }
    }

    /** The store parses every MIME level while it files a message; see {@link MimeNesting}. */
    record MimeComplexity(ParsedMessage.Limits limits) implements Check<Submission> {
        public Optional<Refused> check(Submission s) {
            try {
                MimeNesting.check(s.message, limits.maxMimeDepth(), limits.maxMimeParts());
                return Optional.empty();
            } catch (MalformedMessageException e) {
                return Refused.of(e.refusal(), e.getMessage());
            }
        }
    }

    /** Spec §4 and the Sender rule, decided once for From and Resent-From ({@link SenderRule#judge}). */
    record Delegation() implements Check<Submission> {
        public Optional<Refused> check(Submission s) {
            SenderRule.Verdict verdict = SenderRule.judge(s.directory, s.attempt());
            if (verdict instanceof SenderRule.Refused r) {
                return Optional.of(new Refused(r.refusal(), r.detail(), r.denied(), r.fields() == SenderRule.Fields.RESENT));
            }
            if (verdict instanceof SenderRule.Accepted accepted) {
                s.verdict = accepted;
            }
            return Optional.empty();
        }
    }
}
