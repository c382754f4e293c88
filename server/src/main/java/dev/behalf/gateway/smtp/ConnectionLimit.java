package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import dev.behalf.policy.signin.ConnectionCaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds SMTP sessions: how many at once, in all and from one address ({@link ConnectionCaps}; Exchange's
 * {@code 421 4.3.2} texts for MaxInboundConnection and MaxInboundConnectionPerSource, where SubEthaSMTP's
 * own cap answers without an enhanced status code), and how long each may last in all ({@code 421 4.4.1 Connection timed out},
 * as Exchange's receive connector ConnectionTimeout does). The idle timeout alone lets a client that
 * sends a byte just inside it hold a session for ever; the session deadline ends that. Shared by the
 * plain and implicit-TLS listeners.
 */
final class ConnectionLimit implements SessionHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);

    private final ConnectionCaps caps;
    private final Duration sessionTimeout;
    private final SmtpReply refusal;
    private final SmtpReply perSource;
    private final SmtpReply tooLong;
    private final Map<Session, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;

    /** A session's connection slot and the timer that ends it at the deadline. */
    private record Slot(ConnectionCaps.Admitted admitted, ScheduledFuture<?> deadline) {
    }

    ConnectionLimit(ConnectionCaps caps, Duration sessionTimeout, Dialect dialect) {
        this.caps = caps;
        this.sessionTimeout = sessionTimeout;
        this.refusal = Refusal.TOO_MANY_CONNECTIONS.reply(dialect);
        this.perSource = Refusal.TOO_MANY_CONNECTIONS_FROM_SOURCE.reply(dialect);
        this.tooLong = Refusal.SESSION_TOO_LONG.reply(dialect);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-session-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public SessionAcceptance accept(Session session) {
        ConnectionCaps.Admission admission = caps.admit(session.getRemoteAddress().getAddress());
        if (admission instanceof ConnectionCaps.Refused refused) {
            SmtpReply reply = refused.perClient() ? perSource : refusal;
            log.warn("refused a connection from {}: {} sessions open{}", session.getRemoteAddress(), refused.limit(),
                    refused.perClient() ? " from that address" : "");
            return SessionAcceptance.failure(reply.code(), reply.statusAndText());
        }
        slots.put(session, new Slot((ConnectionCaps.Admitted) admission,
                timer.schedule(() -> expire(session), sessionTimeout.toMillis(), TimeUnit.MILLISECONDS)));
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        Slot slot = slots.remove(session);
        if (slot != null) {
            slot.deadline().cancel(false);
            slot.admitted().close();
        }
    }

    /**
     * Says why, then closes the socket under the session's thread, which is blocked reading (or, mid-DATA,
     * loses the message: nothing is stored without its 250).
     */
    private void expire(Session session) {
        if (!slots.containsKey(session)) {
            return;
        }
        log.info("closing the SMTP session from {}: open longer than {} s", session.getRemoteAddress(), sessionTimeout.toSeconds());
        try {
            session.sendResponse(tooLong + ". Total session duration: " + hms(sessionTimeout));
        } catch (IOException | RuntimeException e) {
            log.debug("could not say goodbye to {}: {}", session.getRemoteAddress(), e.toString());
        }
        session.quit();
        try {
            session.getSocket().close();
        } catch (IOException e) {
            log.debug("closing {}: {}", session.getRemoteAddress(), e.toString());
        }
    }

    private static String hms(Duration d) {
        return String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
