package dev.behalf.gateway.smtp;

import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.reply.Acceptance;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import dev.behalf.policy.routing.Router;
import dev.behalf.policy.routing.RoutingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.RejectException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end of DATA: check the bytes, parse the headers once, ask the policy, apply the decision to
 * the headers, route, store, record. The first refusal ends the transaction; nothing is stored for a
 * refused message except its decision record.
 */
final class DataStep {
    private static final Logger log = LoggerFactory.getLogger(DataStep.class);
    private static final AtomicLong INTERNAL_IDS = new AtomicLong(System.nanoTime() & 0xffffffL);

    private DataStep() {
    }

    static SmtpReply accept(SubmissionContext context, Transaction tx, byte[] raw) throws RejectException {
        Directory directory = context.directory().current();
        ParsedMessage message;
        try {
            checkBytes(raw, tx.parameters);
            message = ParsedMessage.parse(raw, tx.parameters.smtpUtf8(), context.settings().limits());
            checkFrom(message, tx.parameters);
            MimeNesting.check(message, context.settings().limits().maxMimeDepth(), context.settings().limits().maxMimeParts());
        } catch (MalformedMessageException e) {
            SmtpReply reply = e.refusal().reply(context.settings().dialect());
            context.decisions().add(Records.rejected(context, tx, directory, null, e.getMessage(), reply));
            log.info("DATA {}: Rejected ({}) -> {}", tx.account.login(), e.getMessage(), reply);
            throw RejectMapping.reject(reply);
        }
        Decision decision = DelegationPolicy.decide(directory, new SendAttempt(tx.account.account(),
                message.from().stream().map(Mailbox::address).toList(), message.sender().map(Mailbox::address)));
        if (decision instanceof Decision.Denied denied) {
            SmtpReply reply = denied.reply(context.settings().dialect());
            context.decisions().add(Records.decided(context, tx, directory, message, decision, Optional.empty(), reply, List.of()));
            log.info("DATA {} From {}: Denied ({}) -> {}", tx.account.login(), message.from(), denied.because().text(), reply);
            throw RejectMapping.reject(reply);
        }
        Recipient account = accountOf(decision);
        String id = context.ids().get();
        String messageId = message.messageId().orElse("<" + id + "@" + context.settings().hostName() + ">");
        Optional<String> stamped = senderStamp(decision, account);
        HeaderRewriter.Rewrite rewrite = new HeaderRewriter.Rewrite(removesSender(decision, message), stamped,
                TraceFields.prepend(context, tx, id), TraceFields.append(context, message, messageId, id));
        byte[] delivered = HeaderRewriter.rewrite(message, rewrite);
        RoutingPlan plan = Router.plan(directory, tx.recipients);
        List<Placement> placements = placements(directory, plan, decision, account);
        List<String> reached = placements.stream().map(p -> describe(directory, p)).distinct().toList();
        long internalId = INTERNAL_IDS.incrementAndGet();
        SmtpReply reply = Acceptance.queued(messageId, internalId, context.settings().hostName());
        try {
            context.store().deliver(new Delivery(id, delivered, placements));
        } catch (RuntimeException e) {
            SmtpReply failed = Refusal.STORE_FAILED.reply(context.settings().dialect());
            log.error("storing submission {} failed; answered {}", id, failed, e);
            context.decisions().add(Records.rejected(context, tx, directory, message, "storing failed: " + e.getMessage(), failed));
            throw RejectMapping.reject(failed);
        }
        Optional<String> deliveredSender = stamped.isPresent() ? stamped
                : removesSender(decision, message) ? Optional.empty() : message.sender().map(Mailbox::toString);
        context.decisions().add(Records.decided(context, tx, directory, message, decision, deliveredSender, reply, reached, id));
        log.info("DATA {} From {}: {} ({}) -> {}", tx.account.login(), message.from(), decision.outcome(), decision.because().text(), reply);
        return reply;
    }

    /** NUL, bare LF and undeclared 8-bit data are refused before anything is parsed. */
    private static void checkBytes(byte[] raw, MailParameters parameters) throws MalformedMessageException {
        boolean eightBit = false;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == 0) {
                throw new MalformedMessageException(Refusal.NUL_CHARACTERS, "NUL byte at offset " + i);
            }
            if (b == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                throw new MalformedMessageException(Refusal.BARE_LINEFEED, "bare LF at offset " + i);
            }
            eightBit |= b < 0;
        }
        if (eightBit && !parameters.body8bit() && !parameters.smtpUtf8()) {
            throw new MalformedMessageException(Refusal.EIGHT_BIT_NOT_DECLARED,
                    "8-bit data but MAIL FROM declared neither BODY=8BITMIME nor SMTPUTF8");
        }
    }

    private static void checkFrom(ParsedMessage message, MailParameters parameters) throws MalformedMessageException {
        if (message.from().isEmpty()) {
            throw new MalformedMessageException(Refusal.NO_FROM, "the message has no From header");
        }
        if (message.from().size() > 1 && message.sender().isEmpty()) {
            throw new MalformedMessageException(Refusal.SEVERAL_FROM_WITHOUT_SENDER,
                    "From has " + message.from().size() + " mailboxes and there is no Sender");
        }
        if (!parameters.smtpUtf8()) {
            for (Mailbox m : message.from()) {
                if (!SubmissionHandler.isAscii(m.address().toString())) {
                    throw new MalformedMessageException(Refusal.SMTPUTF8_REQUIRED, "From address " + m.address() + " needs SMTPUTF8");
                }
            }
        }
    }

    private static Recipient accountOf(Decision decision) {
        if (decision instanceof Decision.Self s) {
            return s.account();
        }
        if (decision instanceof Decision.SendAs s) {
            return s.account();
        }
        return ((Decision.SendOnBehalf) decision).account();
    }

    /** Spec §4: Send on Behalf (and several From mailboxes) stamp the account; nothing else does. */
    private static Optional<String> senderStamp(Decision decision, Recipient account) {
        boolean stamp = switch (decision.outcome()) {
            case SendOnBehalf -> true;
            case SendAs -> ((Decision.SendAs) decision).stampSender();
            case Self, Denied -> false;
        };
        if (decision instanceof Decision.Self self && decision.authorizations().size() > 1 && !self.keepClientSender()) {
            stamp = true; // RFC 5322 §3.6.2: several From mailboxes need a Sender
        }
        return stamp ? Optional.of(HeaderRewriter.mailboxValue(account.displayName(), account.primarySmtpAddress()
                .map(Object::toString).orElse(account.account().orElseThrow().userPrincipalName()))) : Optional.empty();
    }

    private static boolean removesSender(Decision decision, ParsedMessage message) {
        if (message.sender().isEmpty()) {
            return false;
        }
        return switch (decision.outcome()) {
            case Self -> !((Decision.Self) decision).keepClientSender();
            case SendAs, SendOnBehalf, Denied -> true;
        };
    }

    /** Inboxes of every reached mailbox, external captures, and the Sent Items copies of spec §6. */
    private static List<Placement> placements(Directory directory, RoutingPlan plan, Decision decision, Recipient account) {
        Set<Placement> out = new LinkedHashSet<>();
        for (Recipient r : plan.mailboxes()) {
            out.add(Placement.inbox(new MailboxKey.Mailbox(r.id())));
        }
        for (var a : plan.external()) {
            out.add(Placement.inbox(new MailboxKey.External(a)));
        }
        if (account.type().hasMailbox()) {
            out.add(Placement.sentItems(new MailboxKey.Mailbox(account.id())));
        }
        for (Authorization a : decision.authorizations()) {
            directory.byAddress(a.from()).filter(t -> t.type().hasMailbox()).ifPresent(target -> {
                boolean copy = (a.outcome() == Outcome.SendAs && target.messageCopyForSentAs())
                        || (a.outcome() == Outcome.SendOnBehalf && target.messageCopyForSendOnBehalf());
                if (copy) {
                    out.add(Placement.sentItems(new MailboxKey.Mailbox(target.id())));
                }
            });
        }
        return new ArrayList<>(out);
    }

    private static String describe(Directory directory, Placement p) {
        String box = p.mailbox().address(directory);
        return (p.mailbox() instanceof MailboxKey.External ? "external:" + box : box) + "/" + p.folder();
    }
}
