package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps simultaneous SMTP sessions with {@code 421 4.3.2} (SubEthaSMTP's own cap answers without an
 * enhanced status code). Shared by the plain and implicit-TLS listeners.
 */
final class ConnectionLimit implements SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final SmtpReply refusal;

    ConnectionLimit(int max, Dialect dialect) {
        this.max = max;
        this.refusal = Refusal.TOO_MANY_CONNECTIONS.reply(dialect);
    }

    @Override
    public SessionAcceptance accept(Session session) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            log.warn("refused a connection from {}: {} sessions open", session.getRemoteAddress(), max);
            return SessionAcceptance.failure(refusal.code(), refusal.statusAndText());
        }
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        open.decrementAndGet();
    }
}
