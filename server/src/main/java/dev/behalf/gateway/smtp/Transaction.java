package dev.behalf.gateway.smtp;

import dev.behalf.gateway.audit.Surface;
import dev.behalf.policy.directory.RecipientId;
import dev.behalf.policy.directory.SmtpAddress;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state of one mail transaction (MAIL FROM .. end of DATA): who is signed in, the envelope, and
 * the connection facts the Received field needs. Confined to the session's thread. A Graph
 * {@code sendMail} is one transaction too ({@link MessageSubmission}).
 */
final class Transaction {
    final AccountIdentity account;
    final String sessionId;
    final InetSocketAddress remote;
    final Optional<String> helo;
    final boolean tls;
    final MailParameters parameters;
    final List<SmtpAddress> recipients = new ArrayList<>();
    final Surface surface;
    /** Whose Sent Items keep the sender's copy; empty for none (Graph's saveToSentItems false). */
    final Optional<RecipientId> sentItems;
    /** A fault rule answered a RCPT of this transaction: every later RCPT of it gets the same reply. */
    Optional<Refused> rcptFault = Optional.empty();

    Transaction(AccountIdentity account, String sessionId, InetSocketAddress remote, Optional<String> helo, boolean tls,
                MailParameters parameters) {
        this(account, sessionId, remote, helo, tls, parameters, Surface.SMTP, Optional.of(account.account()));
    }

    Transaction(AccountIdentity account, String sessionId, InetSocketAddress remote, Optional<String> helo, boolean tls,
                MailParameters parameters, Surface surface, Optional<RecipientId> sentItems) {
        this.surface = surface;
        this.sentItems = sentItems;
        this.account = account;
        this.sessionId = sessionId;
        this.remote = remote;
        this.helo = helo;
        this.tls = tls;
        this.parameters = parameters;
    }

    /** The reverse path as given; empty for the null path {@code <>}. */
    String mailFrom() {
        return parameters.reversePath();
    }
}
