package dev.behalf.gateway.smtp;

import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** MAIL FROM's refusal rules, in the order they are checked. */
final class MailStage {
    private MailStage() {
    }

    /**
     * What MAIL knows when it is checked.
     *
     * @param parameters the parsed argument, empty when it is not {@code FROM:<path> [params]}
     * @param directory  the directory in force, the one an envelope decision and its record use
     */
    record MailCommand(boolean inTransaction, Optional<MailParameters> parameters, Optional<AccountIdentity> account,
                       Directory directory) {

        static MailCommand of(String argument, boolean inTransaction, Optional<AccountIdentity> account, Directory directory) {
            boolean syntax = argument.toUpperCase(Locale.ROOT).startsWith("FROM:") && !argument.substring(5).isBlank();
            return new MailCommand(inTransaction, syntax ? Optional.of(MailParameters.parse(argument)) : Optional.empty(),
                    account, directory);
        }

        /** The reverse path; only asked once the syntax check passed. */
        String path() {
            return parameters.orElseThrow().reversePath();
        }
    }

    static List<Check<MailCommand>> checks(SubmissionSettings settings) {
        return checks(settings, FaultRules.none());
    }

    static List<Check<MailCommand>> checks(SubmissionSettings settings, FaultRules faults) {
        return List.of(new NoTransactionOpen(), new Syntax(), new DeclaredSize(settings.maxMessageSize()),
                new SignedIn(), new ReversePathIsAnAddress(), new ReversePathNeedsNoSmtpUtf8(),
                new Fault(faults), new EnvelopeAllowed(settings.enforceEnvelope()));
    }

    /** A fault rule for MAIL answers before the policy is asked, as a throttled Exchange Online does. */
    record Fault(FaultRules faults) implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            AccountIdentity account = m.account().orElseThrow();
            if (faults.isEmpty()) {
                return Optional.empty();
            }
            return faults.fire(new FaultRules.Subject(FaultRule.Stage.MAIL, FaultCheck.names(m.directory(), account), m.path(), List.of()))
                    .map(Refused::fault);
        }
    }

    /** RFC 5321 §4.1.1.2: one MAIL per transaction. */
    record NoTransactionOpen() implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            return m.inTransaction() ? Refused.of(Refusal.SENDER_ALREADY_GIVEN, "MAIL inside a transaction") : Optional.empty();
        }
    }

    record Syntax() implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            return m.parameters().isEmpty() ? Refused.of(Refusal.BAD_MAIL_SYNTAX, "MAIL without FROM:<path>") : Optional.empty();
        }
    }

    /** RFC 1870: a declared SIZE over the limit is refused before any data. */
    record DeclaredSize(int max) implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            var size = m.parameters().orElseThrow().size();
            return size.isPresent() && size.getAsLong() > max
                    ? Refused.of(Refusal.TOO_BIG, "declared SIZE " + size.getAsLong() + " is over " + max) : Optional.empty();
        }
    }

    /** Submission needs AUTH first (spec §5). */
    record SignedIn() implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            return m.account().isEmpty() ? Refused.of(Refusal.NOT_AUTHENTICATED, "MAIL before AUTH") : Optional.empty();
        }
    }

    /** The null path {@code <>} passes; anything else must be {@code local@domain}. */
    record ReversePathIsAnAddress() implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            return !m.path().isEmpty() && SmtpAddress.tryParse(m.path()).isEmpty()
                    ? Refused.of(Refusal.BAD_SENDER_ADDRESS, "reverse path '" + m.path() + "' is not an address") : Optional.empty();
        }
    }

    /** RFC 6531 §3.4: a non-ASCII path needs SMTPUTF8. */
    record ReversePathNeedsNoSmtpUtf8() implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            return !ascii(m.path()) && !m.parameters().orElseThrow().smtpUtf8()
                    ? Refused.of(Refusal.SMTPUTF8_REQUIRED, "reverse path '" + m.path() + "' needs SMTPUTF8") : Optional.empty();
        }
    }

    /** With envelope checking on, MAIL FROM is authorised as a From would be (spec §4), here at MAIL. */
    record EnvelopeAllowed(boolean enforce) implements Check<MailCommand> {
        public Optional<Refused> check(MailCommand m) {
            if (!enforce || m.path().isEmpty()) {
                return Optional.empty();
            }
            Decision decision = DelegationPolicy.decide(m.directory(),
                    SendAttempt.of(m.account().orElseThrow().account(), SmtpAddress.parse(m.path())));
            return decision instanceof Decision.Denied denied
                    ? Optional.of(new Refused(Refusal.DENIED_FROM, denied.because().text(), Optional.of(denied), false)) : Optional.empty();
        }
    }

    static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
