package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.gateway.audit.Surface;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Submits a whole message that did not arrive over SMTP (Graph's {@code sendMail}) through the submission
 * pipeline SMTP's end of DATA runs: the same checks and header parse, the same policy decision and Sender
 * rule, routing, delivery and decision record. Nothing of SMTP's envelope stage applies (there is no MAIL
 * FROM to enforce and no RCPT to refuse one by one: unknown recipients reach no one, as Graph accepts them
 * and reports later). Obtained from {@link SubmissionServer#messages()}; thread-safe.
 */
public final class MessageSubmission {
    private static final Logger log = LoggerFactory.getLogger(MessageSubmission.class);
    private final SubmissionContext context;
    private final DataStep data;

    MessageSubmission(SubmissionContext context) {
        this.context = context;
        this.data = new DataStep(context);
    }

    /**
     * One message to submit.
     *
     * @param account    the directory account the message is submitted as (the signed-in user, or the mailbox an
     *                   app-only token acts as); the policy decides From and Sender against it
     * @param login      how the client named it, for the decision record
     * @param client     the client's address, for the Received field
     * @param mailFrom   the envelope sender, for Return-Path and the record (Graph's: the From address)
     * @param recipients the envelope: every To, Cc and Bcc address
     * @param message    the RFC 5322 message, CRLF line ends, 7-bit (MIME encodes the rest)
     * @param sentItems  whose Sent Items keep the sender's copy; empty for none
     */
    public record Request(RecipientId account, String login, InetSocketAddress client, String mailFrom, List<SmtpAddress> recipients,
                          byte[] message, Surface surface, Optional<RecipientId> sentItems) {
        public Request {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(mailFrom, "mailFrom");
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(surface, "surface");
            Objects.requireNonNull(sentItems, "sentItems");
        }
    }

    /**
     * Decides, delivers when accepted, and records; the record says what came of it ({@link DecisionRecord#accepted()},
     * its outcome {@code Denied} for a refusal by the delegation rules, its reply as SMTP would have answered).
     */
    public DecisionRecord submit(Request r) {
        Optional<byte[]> raw = r.message().length > context.settings().maxMessageSize() ? Optional.empty() : Optional.of(r.message());
        return data.answer(transaction(r), raw).record();
    }

    /**
     * Records a message the surface refused before the policy was asked (Graph: a delegated token without
     * {@code Mail.Send.Shared} sending from another mailbox), with {@code detail} as its reason and the reply
     * SMTP gives a From the account may not use; nothing is delivered.
     */
    public DecisionRecord deny(Request r, String detail) {
        Transaction tx = transaction(r);
        Directory directory = context.directory().inForce();
        ParsedMessage message;
        try {
            message = ParsedMessage.parse(r.message(), false, context.settings().limits());
        } catch (MalformedMessageException e) {
            message = null;
        }
        DecisionRecord record = Records.deniedBySurface(context, tx, directory, message, detail,
                Refusal.DENIED_FROM.reply(context.settings().dialect()));
        context.decisions().add(record);
        log.info("{} {} From {}: Denied ({})", r.surface().label(), r.login(), r.mailFrom(), detail);
        return record;
    }

    private Transaction transaction(Request r) {
        Transaction tx = new Transaction(new AccountIdentity(r.account(), r.login()), context.ids().get(), r.client(),
                Optional.of(r.surface().label()), true, new MailParameters(r.mailFrom(), OptionalLong.empty(), false, false),
                r.surface(), r.sentItems());
        tx.recipients.addAll(r.recipients());
        return tx;
    }
}
