package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds SMTP sessions: how many at once ({@code 421 4.3.2}; SubEthaSMTP's own cap answers without an
 * enhanced status code), and how long each may last in all ({@code 421 4.4.1 Connection timed out},
 * as Exchange's receive connector ConnectionTimeout does). The idle timeout alone lets a client that
 * sends a byte just inside it hold a session for ever; the session deadline ends that. Shared by the
 * plain and implicit-TLS listeners.
 */
final class ConnectionLimit implements SessionHandler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final Duration sessionTimeout;
    private final AtomicInteger open = new AtomicInteger();
    private final SmtpReply refusal;
    private final SmtpReply tooLong;
    private final Map<Session, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;

    ConnectionLimit(int max, Duration sessionTimeout, Dialect dialect) {
        this.max = max;
        this.sessionTimeout = sessionTimeout;
        this.refusal = Refusal.TOO_MANY_CONNECTIONS.reply(dialect);
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
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            log.warn("refused a connection from {}: {} sessions open", session.getRemoteAddress(), max);
            return SessionAcceptance.failure(refusal.code(), refusal.statusAndText());
        }
        deadlines.put(session, timer.schedule(() -> expire(session), sessionTimeout.toMillis(), TimeUnit.MILLISECONDS));
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        ScheduledFuture<?> deadline = deadlines.remove(session);
        if (deadline != null) {
            deadline.cancel(false);
            open.decrementAndGet();
        }
    }

    /**
     * Says why, then closes the socket under the session's thread, which is blocked reading (or, mid-DATA,
     * loses the message: nothing is stored without its 250).
     */
    private void expire(Session session) {
        if (!deadlines.containsKey(session)) {
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
