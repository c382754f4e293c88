package dev.behalf.gateway.smtp;

import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;
import org.subethamail.smtp.server.Session;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mail transactions open on the submission listeners, one per session from MAIL to the end of DATA
 * (or RSET, EHLO, QUIT, the end of the session). SubEthaSMTP knows a transaction only as the
 * {@link MessageHandler} its factory makes at {@code startMailTransaction()}, and ends it with
 * {@link MessageHandler#done()}; this is that factory, and it keeps each {@link Transaction} by its session,
 * so Behalf's verbs find theirs without casting SubEthaSMTP's handler. The verbs do the work: nothing calls
 * the handler's {@code from}, {@code recipient} or {@code data}.
 */
final class Transactions implements MessageHandlerFactory {
    private final Map<MessageContext, Transaction> open = new ConcurrentHashMap<>();

    /** Opens the session's transaction, in SubEthaSMTP's state too. */
    void begin(Session session, Transaction transaction) {
        session.startMailTransaction();
        open.put(session, transaction);
    }

    /** The session's open transaction. */
    Optional<Transaction> of(MessageContext session) {
        return Optional.ofNullable(open.get(session));
    }

    @Override
    public MessageHandler create(MessageContext session) {
        return new Slot(session);
    }

    /** SubEthaSMTP's view of one transaction: it only ever ends it. */
    private final class Slot implements MessageHandler {
        private final MessageContext session;

        Slot(MessageContext session) {
            this.session = session;
        }

        @Override
        public void from(String from) {
            throw new IllegalStateException("MAIL is Behalf's own verb (SubmissionVerbs); SubEthaSMTP's handler is not called");
        }

        @Override
        public void recipient(String recipient) {
            throw new IllegalStateException("RCPT is Behalf's own verb (SubmissionVerbs); SubEthaSMTP's handler is not called");
        }

        @Override
        public String data(InputStream data) {
            throw new IllegalStateException("DATA is Behalf's own verb (SubmissionVerbs); SubEthaSMTP's handler is not called");
        }

        @Override
        public void done() {
            open.remove(session);
        }
    }
}
