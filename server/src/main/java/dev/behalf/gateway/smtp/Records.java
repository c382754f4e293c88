package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.SmtpReply;

import java.util.List;
import java.util.Optional;

/** Builds the {@link DecisionRecord}s of the submission steps. */
final class Records {
    private Records() {
    }

    /** A decision by the policy at the end of DATA, accepted (with its submission id) or denied. */
    static DecisionRecord decided(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                  Decision decision, Optional<String> deliveredSender, SmtpReply reply, List<String> reached,
                                  String id) {
        return new DecisionRecord(id, context.clock().instant(), accountName(directory, tx), accountAddress(directory, tx),
                tx.account.login(), tx.mailFrom(), tx.recipients.stream().map(Object::toString).toList(),
                message.from().stream().map(Mailbox::toString).toList(), message.sender().map(Mailbox::toString),
                deliveredSender, decision.outcome().name(), "DATA",
                decision.authorizations().stream().map(a -> a.because().text()).toList(),
                decision.authorizations().stream().map(Records::grant).toList(),
                reply.toString(), message.messageId(), message.subject(), reached, directory.version());
    }

    static DecisionRecord decided(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                  Decision decision, Optional<String> deliveredSender, SmtpReply reply, List<String> reached) {
        return decided(context, tx, directory, message, decision, deliveredSender, reply, reached, context.ids().get());
    }

    /** A refusal that is not about delegation: malformed, too big, or the store failed. */
    static DecisionRecord rejected(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                   String detail, SmtpReply reply) {
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, tx),
                accountAddress(directory, tx), tx.account.login(), tx.mailFrom(),
                tx.recipients.stream().map(Object::toString).toList(),
                message == null ? List.of() : message.from().stream().map(Mailbox::toString).toList(),
                message == null ? Optional.empty() : message.sender().map(Mailbox::toString), Optional.empty(),
                "Rejected", "DATA", List.of(detail), List.of(), reply.toString(),
                message == null ? Optional.empty() : message.messageId(),
                message == null ? Optional.empty() : message.subject(), List.of(), directory.version());
    }

    /** The envelope refused at MAIL FROM (with {@code --enforce-envelope}). */
    static DecisionRecord envelopeDenied(SubmissionContext context, Transaction tx, Directory directory, Decision.Denied denied,
                                         SmtpReply reply) {
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, tx),
                accountAddress(directory, tx), tx.account.login(), tx.mailFrom(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), denied.outcome().name(), "MAIL",
                denied.authorizations().stream().map(a -> a.because().text()).toList(),
                denied.authorizations().stream().map(Records::grant).toList(), reply.toString(),
                Optional.empty(), Optional.empty(), List.of(), directory.version());
    }

    private static DecisionRecord.Grant grant(Authorization a) {
        Because b = a.because();
        return new DecisionRecord.Grant(a.from().toString(), a.outcome().name(), b.reason().name(), b.target(), b.trustee(),
                b.viaGroups());
    }

    private static String accountName(Directory directory, Transaction tx) {
        return directory.get(tx.account.account()).map(Recipient::displayName).orElse(tx.account.login());
    }

    private static String accountAddress(Directory directory, Transaction tx) {
        return directory.get(tx.account.account()).flatMap(Recipient::primarySmtpAddress).map(Object::toString)
                .orElse(tx.account.login());
    }
}
