package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.audit.Surface;
import dev.behalf.message.HeaderField;
import dev.behalf.message.HeaderSection;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Because;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.SmtpReply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the {@link DecisionRecord}s of the submission steps. */
final class Records {
    private Records() {
    }

    /**
     * A decision by the policy at the end of DATA, accepted (with the section as stored) or denied.
     *
     * @param resent    the decision on the Resent-From mailboxes, when the message was being resent
     * @param delivered the header section of the stored copies; empty when refused
     * @param propagation "granted, not yet in force" and the like, when a pending grant change would decide otherwise
     */
    static DecisionRecord decided(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                  Decision decision, Optional<Decision> resent, Optional<HeaderSection> delivered, SmtpReply reply,
                                  List<String> reached, String id, Optional<String> propagation) {
        List<String> because = new ArrayList<>(decision.authorizations().size() + 1);
        for (Authorization a : decision.authorizations()) {
            because.add(a.because().text());
        }
        propagation.ifPresent(because::add);
        return new DecisionRecord(id, context.clock().instant(), accountName(directory, tx), accountAddress(directory, tx),
                tx.account.login(), tx.mailFrom(), texts(tx.recipients), texts(message.from()),
                message.sender().map(Mailbox::toString), delivered.flatMap(h -> value(h, "Sender")),
                decision.outcome().name(), stage(tx), because, grants(decision), reply.toString(), message.messageId(),
                message.subject(), reached, directory.version(), texts(message.resentFrom()),
                delivered.flatMap(h -> value(h, "Resent-Sender")), resent.map(d -> d.outcome().name()),
                resent.map(Records::grants).orElse(List.of()), lookAlikes(message), tx.surface.label());
    }

    /**
     * Each value's text. A loop, not a stream: this runs for every accepted message, and under load a stream
     * pipeline is more code for the JIT to get to.
     */
    private static List<String> texts(List<?> values) {
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).toString();
        }
        return List.of(out);
    }

    private static List<DecisionRecord.Grant> grants(Decision decision) {
        List<Authorization> all = decision.authorizations();
        DecisionRecord.Grant[] out = new DecisionRecord.Grant[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = grant(all.get(i));
        }
        return List.of(out);
    }

    /** A refusal that is not about delegation: malformed, too big, or the store failed. */
    static DecisionRecord rejected(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                   String detail, SmtpReply reply) {
        return refused(context, tx, directory, message, "Rejected", detail, reply);
    }

    /**
     * A denial before the policy is asked, by a rule of the surface (Graph: a delegated token without
     * Mail.Send.Shared sending from another mailbox); no grant decided it, so it has none.
     */
    static DecisionRecord deniedBySurface(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                          String detail, SmtpReply reply) {
        return refused(context, tx, directory, message, "Denied", detail, reply);
    }

    private static DecisionRecord refused(SubmissionContext context, Transaction tx, Directory directory, ParsedMessage message,
                                          String outcome, String detail, SmtpReply reply) {
        Optional<ParsedMessage> m = Optional.ofNullable(message);
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, tx),
                accountAddress(directory, tx), tx.account.login(), tx.mailFrom(),
                tx.recipients.stream().map(Object::toString).toList(),
                m.map(p -> p.from().stream().map(Mailbox::toString).toList()).orElse(List.of()),
                m.flatMap(ParsedMessage::sender).map(Mailbox::toString), Optional.empty(),
                outcome, stage(tx), List.of(detail), List.of(), reply.toString(),
                m.flatMap(ParsedMessage::messageId), m.flatMap(ParsedMessage::subject), List.of(), directory.version(),
                m.map(p -> p.resentFrom().stream().map(Mailbox::toString).toList()).orElse(List.of()), Optional.empty(),
                Optional.empty(), List.of(), m.map(Records::lookAlikes).orElse(List.of()), tx.surface.label());
    }

    /** The envelope refused at MAIL FROM (with {@code --enforce-envelope}). */
    static DecisionRecord envelopeDenied(SubmissionContext context, AccountIdentity account, String mailFrom, Directory directory,
                                         Decision.Denied denied, SmtpReply reply) {
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, account),
                accountAddress(directory, account), account.login(), mailFrom, List.of(), List.of(), Optional.empty(),
                Optional.empty(), denied.outcome().name(), "MAIL",
                denied.authorizations().stream().map(a -> a.because().text()).toList(),
                denied.authorizations().stream().map(Records::grant).toList(), reply.toString(),
                Optional.empty(), Optional.empty(), List.of(), directory.version(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), Surface.SMTP.label());
    }

    /** The step that decided: SMTP's end of DATA, or Graph's sendMail. */
    private static String stage(Transaction tx) {
        return tx.surface == Surface.GRAPH ? "sendMail" : "DATA";
    }

    /**
     * A fault rule answered a command (issue 14.5): outcome {@code Fault}, the rule in {@code because};
     * nothing was delivered.
     */
    static DecisionRecord faulted(SubmissionContext context, AccountIdentity account, String mailFrom, List<String> rcptTo,
                                  Directory directory, String stage, String detail, SmtpReply reply) {
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, account),
                accountAddress(directory, account), account.login(), mailFrom, rcptTo, List.of(), Optional.empty(),
                Optional.empty(), "Fault", stage, List.of(detail), List.of(), reply.toString(), Optional.empty(), Optional.empty(),
                List.of(), directory.version());
    }

    /** A fault rule answered a whole message: SMTP's end of DATA, or Graph's sendMail, as the record says. */
    static DecisionRecord faulted(SubmissionContext context, Transaction tx, Directory directory, String detail, SmtpReply reply) {
        return new DecisionRecord(context.ids().get(), context.clock().instant(), accountName(directory, tx),
                accountAddress(directory, tx), tx.account.login(), tx.mailFrom(), tx.recipients.stream().map(Object::toString).toList(),
                List.of(), Optional.empty(), Optional.empty(), "Fault", stage(tx), List.of(detail), List.of(), reply.toString(),
                Optional.empty(), Optional.empty(), List.of(), directory.version(), List.of(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), tx.surface.label());
    }

    private static Optional<String> value(HeaderSection h, String name) {
        return h.first(name).map(HeaderField::unfolded).map(String::strip);
    }

    private static List<DecisionRecord.LookAlike> lookAlikes(ParsedMessage m) {
        return m.lookAlikes().stream().map(l -> new DecisionRecord.LookAlike(l.field(), l.displayName(), l.address(), l.looksLike()))
                .toList();
    }

    private static DecisionRecord.Grant grant(Authorization a) {
        Because b = a.because();
        return new DecisionRecord.Grant(a.from().toString(), a.outcome().name(), b.reason().name(), b.target(), b.trustee(),
                b.viaGroups());
    }

    private static String accountName(Directory directory, Transaction tx) {
        return accountName(directory, tx.account);
    }

    private static String accountAddress(Directory directory, Transaction tx) {
        return accountAddress(directory, tx.account);
    }

    private static String accountName(Directory directory, AccountIdentity account) {
        return directory.get(account.account()).map(Recipient::displayName).orElse(account.login());
    }

    private static String accountAddress(Directory directory, AccountIdentity account) {
        return directory.get(account.account()).flatMap(Recipient::primarySmtpAddress).map(Object::toString).orElse(account.login());
    }
}
