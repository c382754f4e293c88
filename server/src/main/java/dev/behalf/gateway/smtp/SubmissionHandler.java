package dev.behalf.gateway.smtp;

import dev.behalf.policy.decision.Decision;
import dev.behalf.policy.decision.DelegationPolicy;
import dev.behalf.policy.decision.SendAttempt;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.routing.Route;
import dev.behalf.policy.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One mail transaction on the submission port: MAIL FROM (authenticated?), RCPT TO (known
 * recipient?), DATA (the delegation decision, see {@link DataStep}). Created by SubEthaSMTP per MAIL
 * command; never shared between threads.
 */
final class SubmissionHandler implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(SubmissionHandler.class);

    private final SubmissionContext context;
    private final MessageContext session;
    private Transaction transaction;
    private MailParameters parameters;
    private boolean tls;

    SubmissionHandler(SubmissionContext context, MessageContext session) {
        this.context = context;
        this.session = session;
    }

    /**
     * The ESMTP parameters of the MAIL command and whether the connection is encrypted, given by
     * {@link SubmissionVerbs} before {@link #from} (SubEthaSMTP passes only the address).
     */
    void parameters(MailParameters parameters, boolean tls) {
        this.parameters = parameters;
        this.tls = tls;
    }

    @Override
    public void from(String from) throws RejectException {
        Optional<AccountIdentity> account = session.getAuthenticationHandler()
                .map(h -> h.getIdentity())
                .filter(AccountIdentity.class::isInstance)
                .map(AccountIdentity.class::cast);
        if (account.isEmpty()) {
            throw RejectMapping.reject(Refusal.NOT_AUTHENTICATED.reply(context.settings().dialect()));
        }
        transaction = new Transaction(account.get(), session.getSessionId(), (InetSocketAddress) session.getRemoteAddress(),
                session.getHelo(), tls);
        transaction.parameters = parameters != null ? parameters : MailParameters.parse("FROM:<" + from + ">");
        String path = transaction.mailFrom();
        if (path.isEmpty()) {
            return;
        }
        Optional<SmtpAddress> address = SmtpAddress.tryParse(path);
        if (address.isEmpty()) {
            throw RejectMapping.reject(Refusal.BAD_SENDER_ADDRESS.reply(context.settings().dialect()));
        }
        if (!isAscii(path) && !transaction.parameters.smtpUtf8()) {
            throw RejectMapping.reject(Refusal.SMTPUTF8_REQUIRED.reply(context.settings().dialect()));
        }
        if (context.settings().enforceEnvelope()) {
            var directory = context.directory().current();
            Decision decision = DelegationPolicy.decide(directory, SendAttempt.of(account.get().account(), address.get()));
            if (decision instanceof Decision.Denied denied) {
                var reply = denied.reply(context.settings().dialect());
                context.decisions().add(Records.envelopeDenied(context, transaction, directory, denied, reply));
                log.info("MAIL {} as {}: Denied ({}) -> {}", account.get().login(), path, denied.because().text(), reply);
                throw RejectMapping.reject(reply);
            }
        }
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        Optional<SmtpAddress> address = SmtpAddress.tryParse(recipient);
        if (address.isEmpty()) {
            throw RejectMapping.reject(Refusal.BAD_RECIPIENT_ADDRESS.reply(context.settings().dialect()));
        }
        if (!isAscii(recipient) && !transaction.parameters.smtpUtf8()) {
            throw RejectMapping.reject(Refusal.SMTPUTF8_REQUIRED.reply(context.settings().dialect()));
        }
        Route route = Router.route(context.directory().current(), address.get());
        if (route instanceof Route.Unknown unknown) {
            throw RejectMapping.reject(unknown.refusal().reply(context.settings().dialect()));
        }
        transaction.recipients.add(address.get());
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] raw = readBounded(data, context.settings().maxMessageSize());
        if (raw == null) {
            var reply = Refusal.TOO_BIG.reply(context.settings().dialect());
            context.decisions().add(Records.rejected(context, transaction, context.directory().current(), null,
                    "the message is larger than " + context.settings().maxMessageSize() + " bytes", reply));
            throw RejectMapping.reject(reply);
        }
        return DataStep.accept(context, transaction, raw).statusAndText();
    }

    @Override
    public void done() {
        transaction = null;
    }

    /**
     * Reads the whole DATA stream. Returns null when it is over {@code max} bytes, but only after
     * reading it to its end: a refusal before the terminating dot would make the rest of the
     * message be read as SMTP commands (see the SubEthaSMTP pitfalls note).
     */
    static byte[] readBounded(InputStream in, int max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.min(max, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total <= max) {
                out.write(buf, 0, n);
            }
        }
        return total > max ? null : out.toByteArray();
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }
}
