package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.Placement;
import dev.behalf.message.HeaderSection;
import dev.behalf.policy.change.Propagation;
import dev.behalf.policy.decision.Authorization;
import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.Outcome;
import dev.behalf.policy.decision.SenderRule;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.reply.Acceptance;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import dev.behalf.policy.routing.Router;
import dev.behalf.policy.routing.RoutingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The end of DATA: read the message, run {@link DataStage}'s checks, then apply the decision to the
 * headers, route, store and record. The first refusal ends the transaction; nothing is stored for a
 * refused message except its decision record.
 */
final class DataStep {
    private static final Logger log = LoggerFactory.getLogger(DataStep.class);

    private final SubmissionContext context;
    private final List<Check<DataStage.Submission>> checks;

    DataStep(SubmissionContext context) {
        this.context = context;
        this.checks = DataStage.messageChecks(context.settings(), context.faults());
    }

    /** Reads the whole DATA stream (a refusal before its end would desync the session) and answers it. */
    SmtpReply receive(Transaction tx, InputStream data) throws IOException {
        return answer(tx, readBounded(data, context.settings().maxMessageSize(), tx.parameters.size())).reply();
    }

    /** The reply, and the decision record it was recorded with. */
    record Answer(SmtpReply reply, DecisionRecord record) {
    }

    /** Answers a whole message ({@code raw} empty when it was over the size limit), as the end of DATA does. */
    Answer answer(Transaction tx, Optional<byte[]> raw) {
        DataStage.Submission s = new DataStage.Submission(tx, context.directory().inForce(), raw);
        Optional<Refused> refused = Check.first(checks, s);
        if (refused.isPresent()) {
            return refuse(s, refused.get());
        }
        return deliver(s);
    }

    private Answer refuse(DataStage.Submission s, Refused r) {
        SmtpReply reply = r.refusal().reply(context.settings().dialect());
        DecisionRecord record;
        if (r.fault().isPresent()) {
            record = Records.faulted(context, s.tx, s.directory, r.detail(), reply);
            log.info("DATA {}: Fault ({}) -> {}", s.tx.account.login(), r.detail(), reply);
        } else if (r.denied().isPresent()) {
            Decision.Denied denied = r.denied().get();
            // A refused Resent-From is recorded as a denial with its own grants, shown as the resent decision too.
            Optional<String> note = Propagation.note(context.directory(), s.attempt(), denied);
            record = Records.decided(context, s.tx, s.directory, s.message, denied,
                    r.resent() ? Optional.of(denied) : Optional.empty(), Optional.empty(), reply, List.of(), context.ids().get(), note);
            log.info("DATA {} From {}: Denied ({}{}) -> {}", s.tx.account.login(), s.message.from(), r.detail(),
                    note.map(n -> "; " + n).orElse(""), reply);
        } else {
            record = Records.rejected(context, s.tx, s.directory, s.message, r.detail(), reply);
            log.info("DATA {}: Rejected ({}) -> {}", s.tx.account.login(), r.detail(), reply);
        }
        context.decisions().add(record);
        return new Answer(reply, record);
    }

    private Answer deliver(DataStage.Submission s) {
        ParsedMessage message = s.message;
        SenderRule.Accepted verdict = s.verdict;
        Recipient account = verdict.account();
        String id = context.ids().get();
        String messageId = message.messageId().orElse("<" + id + "@" + context.settings().hostName() + ">");
        HeaderSection delivered = HeaderRewriter.rewrite(message, new HeaderRewriter.Rewrite(verdict.sender(), verdict.resentSender(),
                account.displayName(), address(account), TraceFields.prepend(context, s.tx, id),
                TraceFields.append(context, message, messageId, id)));
        RoutingPlan plan = Router.plan(s.directory, s.tx.recipients);
        List<Placement> placements = placements(s.directory, plan, verdict, s.tx.sentItems);
        List<String> reached = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            String folder = describe(s.directory, p);
            if (!reached.contains(folder)) {
                reached.add(folder);
            }
        }
        SmtpReply reply = Acceptance.queued(messageId, context.internalIds().getAsLong(), context.settings().hostName());
        try {
            context.store().deliver(new Delivery(delivered, placements));
        } catch (RuntimeException e) {
            SmtpReply failed = Refusal.STORE_FAILED.reply(context.settings().dialect());
            log.error("storing submission {} failed; answered {}", id, failed, e);
            DecisionRecord record = Records.rejected(context, s.tx, s.directory, message, "storing failed: " + e.getMessage(), failed);
            context.decisions().add(record);
            return new Answer(failed, record);
        }
        Optional<String> note = Propagation.note(context.directory(), s.attempt(), verdict.decision());
        DecisionRecord record = Records.decided(context, s.tx, s.directory, message, verdict.decision(), verdict.resent(),
                Optional.of(delivered), reply, reached, id, note);
        context.decisions().add(record);
        log.info("DATA {} From {}: {} ({}{}) -> {}", s.tx.account.login(), message.from(), verdict.decision().outcome(),
                verdict.decision().because().text(), note.map(n -> "; " + n).orElse(""), reply);
        return new Answer(reply, record);
    }

    private static String address(Recipient account) {
        return account.primarySmtpAddress().map(Object::toString).orElse(account.account().orElseThrow().userPrincipalName());
    }

    /**
     * Inboxes of every reached mailbox, external captures, and the Sent Items copies of spec §6: the sender's
     * ({@code sentItems}: the signed-in account over SMTP; none when Graph's saveToSentItems is false, and then
     * no MessageCopyForSentAs copy either, as that copy is made of the sender's).
     */
    private static List<Placement> placements(Directory directory, RoutingPlan plan, SenderRule.Accepted verdict,
                                              Optional<RecipientId> sentItems) {
        Set<Placement> out = new LinkedHashSet<>();
        for (Recipient r : plan.mailboxes()) {
            out.add(Placement.inbox(new MailboxKey.Mailbox(r.id())));
        }
        for (var a : plan.external()) {
            out.add(Placement.inbox(new MailboxKey.External(a)));
        }
        if (sentItems.isEmpty()) {
            return new ArrayList<>(out);
        }
        directory.get(sentItems.get()).filter(r -> r.type().hasMailbox())
                .ifPresent(r -> out.add(Placement.sentItems(new MailboxKey.Mailbox(r.id()))));
        for (Authorization a : verdict.decision().authorizations()) {
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

    /** The most a client's SIZE claim makes DATA allocate before its bytes arrive. */
    static final int MAX_PRESIZE = 1 << 20;
    private static final int MIN_CAPACITY = 8 * 1024;

    /**
     * Reads the whole DATA stream; empty when it is over {@code max} bytes, but only after reading it to
     * its end: a refusal before the terminating dot would make the rest of the message be read as SMTP
     * commands (see the SubEthaSMTP pitfalls note). Read straight into the array kept: sized from MAIL FROM's
     * {@code SIZE=} when the client gave one (RFC 1870; a message of exactly that size is never copied),
     * bounded by {@code max} and by {@link #MAX_PRESIZE} so that a claim costs no memory its bytes don't;
     * else from a small array that doubles.
     */
    static Optional<byte[]> readBounded(InputStream in, int max, OptionalLong declared) throws IOException {
        long hint = declared.isPresent() ? declared.getAsLong() : MIN_CAPACITY;
        byte[] buf = new byte[(int) Math.max(0, Math.min(hint, Math.min(max, MAX_PRESIZE)))];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                int next = in.read();
                if (next < 0) {
                    return Optional.of(buf);
                }
                if (len >= max) {
                    // Over the limit: read to the end all the same.
                    byte[] skip = new byte[MIN_CAPACITY];
                    while (in.read(skip) != -1) {
                        // discarded
                    }
                    return Optional.empty();
                }
                buf = Arrays.copyOf(buf, (int) Math.min(max, Math.max(2L * len, MIN_CAPACITY)));
                buf[len++] = (byte) next;
                continue;
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                return Optional.of(Arrays.copyOf(buf, len));
            }
            len += n;
        }
    }
}
