package dev.behalf.gateway.smtp;

import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.internal.command.AuthCommand;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Behalf's EHLO, MAIL, RCPT, DATA and BDAT, replacing SubEthaSMTP's. Its own commands hard-code
 * reply texts that differ from Exchange's (552, 452, 535...), refuse without draining DATA (a
 * command-injection hole) and leave the transaction open after a refusal at end of DATA (see the
 * pitfalls note); these fix all three.
 */
final class SubmissionVerbs {
    private static final Logger log = LoggerFactory.getLogger(SubmissionVerbs.class);
    /** RFC 5321 §4.2: 354 has no enhanced status code, so it is not an {@link SmtpReply}. */
    private static final String START_DATA = "354 Start mail input; end with <CRLF>.<CRLF>";

    private SubmissionVerbs() {
    }

    static void install(CommandHandler handler, SubmissionSettings settings) {
        handler.addCommand(new Ehlo(settings));
        handler.addCommand(new Auth(settings));
        for (Command c : List.of(new Mail(settings), new Rcpt(settings), new Data(settings), new Bdat(settings))) {
            handler.addCommand(new RequireTls(c));
        }
        // SubEthaSMTP answers these with "250 Ok" and "221 Bye", without the enhanced status code that
        // EHLO's ENHANCEDSTATUSCODES promises (RFC 2034); these are Exchange's replies.
        handler.addCommand(new Fixed("RSET", "Resets the current mail transaction.", "250 2.0.0 Resetting", Session::resetMailTransaction));
        handler.addCommand(new Fixed("NOOP", "Does nothing.", "250 2.0.0 OK", s -> { }));
        handler.addCommand(new Quit());
    }

    /** A verb with a fixed reply and an action before it. */
    private static final class Fixed extends BaseCommand {
        private final String reply;
        private final Consumer<Session> action;

        Fixed(String name, String help, String reply, Consumer<Session> action) {
            super(name, help);
            this.reply = reply;
            this.action = action;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            action.accept(sess);
            sess.sendResponse(reply);
        }
    }

    private static final class Quit extends BaseCommand {
        Quit() {
            super("QUIT", "Exit the SMTP session.");
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            sess.sendResponse("221 2.0.0 Service closing transmission channel");
            sess.quit();
        }
    }

    /** SubEthaSMTP's {@code RequireTLSCommandWrapper} with Exchange's reply, which has an enhanced status code. */
    private static final class RequireTls implements Command {
        private final Command wrapped;

        RequireTls(Command wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (!sess.getServer().getRequireTLS() || sess.isTLSStarted()) {
                wrapped.execute(commandString, sess);
            } else {
                sess.sendResponse("530 5.7.0 Must issue a STARTTLS command first");
            }
        }

        @Override
        public HelpMessage getHelp() throws CommandException {
            return wrapped.getHelp();
        }

        @Override
        public String getName() {
            return wrapped.getName();
        }
    }

    private static void send(Session sess, SmtpReply reply) throws IOException {
        sess.sendResponse(reply.toString());
    }

    private static final class Ehlo extends BaseCommand {
        private final SubmissionSettings settings;

        Ehlo(SubmissionSettings settings) {
            super("EHLO", "Introduce yourself.", "<hostname>");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            String[] args = getArgs(commandString);
            if (args.length < 2) {
                sess.sendResponse("501 5.5.4 Syntax: EHLO hostname");
                return;
            }
            sess.resetMailTransaction();
            sess.setHelo(args[1]);
            var server = sess.getServer();
            StringBuilder r = new StringBuilder("250-").append(settings.hostName()).append(" Hello [")
                    .append(sess.getRemoteAddress().getAddress().getHostAddress()).append("]");
            r.append("\r\n250-SIZE ").append(settings.maxMessageSize());
            if (server.getEnableTLS() && !sess.isTLSStarted()) {
                r.append("\r\n250-STARTTLS");
            }
            boolean authOffered = sess.isTLSStarted() || !server.getRequireTLS();
            if (authOffered && server.getAuthenticationHandlerFactory().isPresent()) {
                r.append("\r\n250-AUTH ").append(String.join(" ", server.getAuthenticationHandlerFactory().get().getAuthenticationMechanisms()));
            }
            r.append("\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SMTPUTF8");
            sess.sendResponse(r.toString());
        }
    }

    /** AUTH, refused with 538 5.7.11 before STARTTLS where TLS is required (listeners beyond loopback). */
    private static final class Auth extends BaseCommand {
        private final SubmissionSettings settings;
        private final Command auth = new AuthCommand();

        Auth(SubmissionSettings settings) {
            super("AUTH", "Authentication service", "AUTH <mechanism> [initial-response]");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (sess.getServer().getRequireTLS() && !sess.isTLSStarted()) {
                send(sess, Refusal.ENCRYPTION_REQUIRED.reply(settings.dialect()));
                return;
            }
            auth.execute(commandString, sess);
        }
    }

    private static final class Mail extends BaseCommand {
        private final SubmissionSettings settings;

        Mail(SubmissionSettings settings) {
            super("MAIL", "Specifies the sender.", "FROM: <sender> [ <parameters> ]");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (sess.isMailTransactionInProgress()) {
                send(sess, Refusal.SENDER_ALREADY_GIVEN.reply(settings.dialect()));
                return;
            }
            String args = getArgPredicate(commandString);
            if (!args.toUpperCase(Locale.ROOT).startsWith("FROM:") || args.substring(5).isBlank()) {
                send(sess, Refusal.BAD_MAIL_SYNTAX.reply(settings.dialect()));
                return;
            }
            MailParameters parameters = MailParameters.parse(args);
            if (parameters.size().isPresent() && parameters.size().getAsLong() > settings.maxMessageSize()) {
                send(sess, Refusal.TOO_BIG.reply(settings.dialect()));
                return;
            }
            sess.startMailTransaction();
            SubmissionHandler handler = (SubmissionHandler) sess.getMessageHandler();
            handler.parameters(parameters, sess.isTLSStarted());
            try {
                handler.from(parameters.reversePath());
            } catch (RejectException e) {
                sess.resetMailTransaction();
                sess.sendResponse(e.getErrorResponse());
                return;
            }
            send(sess, dev.behalf.policy.reply.Acceptance.SENDER_OK);
        }
    }

    private static final class Rcpt extends BaseCommand {
        private final SubmissionSettings settings;

        Rcpt(SubmissionSettings settings) {
            super("RCPT", "Specifies the recipient. Can be used any number of times.", "TO: <recipient> [ <parameters> ]");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (!sess.isMailTransactionInProgress()) {
                send(sess, Refusal.NEED_MAIL.reply(settings.dialect()));
                return;
            }
            if (sess.getRecipientCount() >= settings.maxRecipients()) {
                send(sess, Refusal.TOO_MANY_RECIPIENTS.reply(settings.dialect()));
                return;
            }
            String args = getArgPredicate(commandString);
            if (!args.toUpperCase(Locale.ROOT).startsWith("TO:") || args.substring(3).isBlank()) {
                send(sess, Refusal.BAD_RCPT_SYNTAX.reply(settings.dialect()));
                return;
            }
            String path = args.substring(3).strip();
            if (path.startsWith("<")) {
                int close = path.indexOf('>');
                path = close < 0 ? path.substring(1) : path.substring(1, close);
            } else if (path.indexOf(' ') > 0) {
                path = path.substring(0, path.indexOf(' '));
            }
            try {
                sess.getMessageHandler().recipient(path.strip());
                sess.addRecipient(path.strip());
                send(sess, dev.behalf.policy.reply.Acceptance.RECIPIENT_OK);
            } catch (RejectException e) {
                sess.sendResponse(e.getErrorResponse());
            }
        }
    }

    private static final class Data extends BaseCommand {
        private final SubmissionSettings settings;

        Data(SubmissionSettings settings) {
            super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (!sess.isMailTransactionInProgress()) {
                send(sess, Refusal.NEED_MAIL.reply(settings.dialect()));
                return;
            }
            if (sess.getRecipientCount() == 0) {
                send(sess, Refusal.NEED_RCPT.reply(settings.dialect()));
                return;
            }
            sess.sendResponse(START_DATA);
            InputStream stream = new DataStream(sess.getRawInput());
            String response;
            try {
                response = "250 " + sess.getMessageHandler().data(stream);
            } catch (RejectException e) {
                response = e.getErrorResponse();
            } catch (RuntimeException e) {
                log.error("unexpected failure handling DATA; answering 451", e);
                response = Refusal.STORE_FAILED.reply(settings.dialect()).toString();
            } finally {
                drain(stream);
                // RFC 5321 §4.1.1.4: the transaction ends with the reply, accepted or not.
                sess.resetMailTransaction();
            }
            sess.sendResponse(response);
        }
    }

    /** Not offered (no CHUNKING in EHLO); a client that sends BDAT anyway has its chunk skipped, then refused. */
    private static final class Bdat extends BaseCommand {
        private final SubmissionSettings settings;

        Bdat(SubmissionSettings settings) {
            super("BDAT", "Not supported; use DATA.");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            String[] args = getArgs(commandString);
            if (args.length >= 2 && args[1].matches("[0-9]{1,10}")) {
                long remaining = Long.parseLong(args[1]);
                InputStream in = sess.getRawInput();
                while (remaining > 0) {
                    long skipped = in.skip(remaining);
                    if (skipped <= 0 && in.read() < 0) {
                        break;
                    }
                    remaining -= Math.max(skipped, 1);
                }
            }
            sess.resetMailTransaction();
            send(sess, Refusal.BDAT_UNSUPPORTED.reply(settings.dialect()));
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) != -1) {
            // The rest of the message must never be read as commands.
        }
    }
}
