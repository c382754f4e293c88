package dev.behalf.gateway.smtp;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.reply.Acceptance;
import dev.behalf.policy.reply.Refusal;
import dev.behalf.policy.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Behalf's EHLO, AUTH, MAIL, RCPT, DATA, BDAT, RSET, NOOP and QUIT, replacing SubEthaSMTP's. Its own
 * commands hard-code reply texts that differ from Exchange's (552, 452, 535...), refuse without draining
 * DATA (a command-injection hole) and leave the transaction open after a refusal at end of DATA (see the
 * pitfalls note); these fix all three. Each verb runs its stage's checks ({@link MailStage},
 * {@link RcptStage}, {@link DataStage}, {@link AuthStage}) and sends only reply values.
 */
final class SubmissionVerbs {
    private static final Logger log = LoggerFactory.getLogger(SubmissionVerbs.class);
    /** RFC 5321 §4.2: 354 has no enhanced status code, so it is not an {@link SmtpReply}. */
    private static final String START_DATA = "354 Start mail input; end with <CRLF>.<CRLF>";

    private SubmissionVerbs() {
    }

    static void install(CommandHandler handler, SubmissionContext context, Transactions transactions) {
        SubmissionSettings settings = context.settings();
        handler.addCommand(new Ehlo(settings));
        handler.addCommand(new Auth(settings));
        for (Command c : List.of(new Mail(context, transactions), new Rcpt(context, transactions), new Data(context, transactions),
                new Bdat(settings))) {
            handler.addCommand(new RequireTls(c, settings));
        }
        // SubEthaSMTP answers these with "250 Ok" and "221 Bye", without the enhanced status code that
        // EHLO's ENHANCEDSTATUSCODES promises (RFC 2034); these are Exchange's replies.
        handler.addCommand(new Fixed("RSET", "Resets the current mail transaction.", Acceptance.RESET, Session::resetMailTransaction));
        handler.addCommand(new Fixed("NOOP", "Does nothing.", Acceptance.NOOP, s -> { }));
        handler.addCommand(new Quit());
    }

    /** A verb with a fixed reply and an action before it. */
    private static final class Fixed extends BaseCommand {
        private final SmtpReply reply;
        private final Consumer<Session> action;

        Fixed(String name, String help, SmtpReply reply, Consumer<Session> action) {
            super(name, help);
            this.reply = reply;
            this.action = action;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            action.accept(sess);
            send(sess, reply);
        }
    }

    private static final class Quit extends BaseCommand {
        Quit() {
            super("QUIT", "Exit the SMTP session.");
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException {
            send(sess, Acceptance.CLOSING);
            sess.quit();
        }
    }

    /** SubEthaSMTP's {@code RequireTLSCommandWrapper} with Exchange's reply, which has an enhanced status code. */
    private static final class RequireTls implements Command {
        private final Command wrapped;
        private final SubmissionSettings settings;

        RequireTls(Command wrapped, SubmissionSettings settings) {
            this.wrapped = wrapped;
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            if (!sess.getServer().getRequireTLS() || sess.isTLSStarted()) {
                wrapped.execute(commandString, sess);
            } else {
                send(sess, Refusal.STARTTLS_FIRST.reply(settings.dialect()));
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

    /** RFC 5321 §3.8: after a 421 the server closes the connection. */
    private static void sendClosingIf421(Session sess, SmtpReply reply) throws IOException {
        send(sess, reply);
        if (reply.code() == 421) {
            sess.quit();
        }
    }

    /** A fault rule answered MAIL or RCPT: one record and one log line, as for a refusal. */
    private static void faulted(SubmissionContext context, AccountIdentity account, String mailFrom, List<String> rcptTo,
                                Directory directory, String stage, String detail, SmtpReply reply) {
        context.decisions().add(Records.faulted(context, account, mailFrom, rcptTo, directory, stage, detail, reply));
        log.info("{} {}: Fault ({}) -> {}", stage, account.login(), detail, reply);
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
                send(sess, Refusal.BAD_EHLO_SYNTAX.reply(settings.dialect()));
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

    /** AUTH: {@link AuthStage}'s checks (538 5.7.11 before STARTTLS where TLS is required), then the exchange. */
    private static final class Auth extends BaseCommand {
        private final SubmissionSettings settings;
        private final Command auth = new AuthCommand();
        private final List<Check<AuthStage.AuthCommand>> checks = AuthStage.checks();

        Auth(SubmissionSettings settings) {
            super("AUTH", "Authentication service", "AUTH <mechanism> [initial-response]");
            this.settings = settings;
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            Optional<Refused> refused = Check.first(checks, new AuthStage.AuthCommand(sess.getServer().getRequireTLS(), sess.isTLSStarted()));
            if (refused.isPresent()) {
                send(sess, refused.get().refusal().reply(settings.dialect()));
                return;
            }
            auth.execute(commandString, sess);
        }
    }

    private static final class Mail extends BaseCommand {
        private final SubmissionContext context;
        private final Transactions transactions;
        private final List<Check<MailStage.MailCommand>> checks;

        Mail(SubmissionContext context, Transactions transactions) {
            super("MAIL", "Specifies the sender.", "FROM: <sender> [ <parameters> ]");
            this.context = context;
            this.transactions = transactions;
            this.checks = MailStage.checks(context.settings(), context.faults());
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            Optional<AccountIdentity> account = sess.getAuthenticationHandler().map(h -> h.getIdentity())
                    .filter(AccountIdentity.class::isInstance).map(AccountIdentity.class::cast);
            MailStage.MailCommand mail = MailStage.MailCommand.of(getArgPredicate(commandString), sess.isMailTransactionInProgress(),
                    account, context.directory().inForce());
            Optional<Refused> refused = Check.first(checks, mail);
            if (refused.isPresent()) {
                SmtpReply reply = refused.get().refusal().reply(context.settings().dialect());
                refused.get().denied().ifPresent(denied -> {
                    context.decisions().add(Records.envelopeDenied(context, account.orElseThrow(), mail.path(), mail.directory(), denied, reply));
                    log.info("MAIL {} as {}: Denied ({}) -> {}", account.orElseThrow().login(), mail.path(), denied.because().text(), reply);
                });
                refused.get().fault().ifPresent(f -> faulted(context, account.orElseThrow(), mail.path(), List.of(), mail.directory(),
                        "MAIL", f.detail(), reply));
                sendClosingIf421(sess, reply);
                return;
            }
            transactions.begin(sess, new Transaction(account.orElseThrow(), sess.getSessionId(), sess.getRemoteAddress(), sess.getHelo(),
                    sess.isTLSStarted(), mail.parameters().orElseThrow()));
            send(sess, Acceptance.SENDER_OK);
        }
    }

    private static final class Rcpt extends BaseCommand {
        private final SubmissionContext context;
        private final Transactions transactions;
        private final List<Check<RcptStage.RcptCommand>> checks;

        Rcpt(SubmissionContext context, Transactions transactions) {
            super("RCPT", "Specifies the recipient. Can be used any number of times.", "TO: <recipient> [ <parameters> ]");
            this.context = context;
            this.transactions = transactions;
            this.checks = RcptStage.checks(context.settings(), context.faults());
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            RcptStage.RcptCommand rcpt = RcptStage.RcptCommand.of(getArgPredicate(commandString), transactions.of(sess),
                    context.directory().current());
            Optional<Refused> refused = Check.first(checks, rcpt);
            if (refused.isPresent()) {
                SmtpReply reply = refused.get().refusal().reply(context.settings().dialect());
                refused.get().fault().ifPresent(f -> faulted(context, rcpt.tx().account, rcpt.tx().mailFrom(),
                        rcpt.path().map(List::of).orElse(List.of()), rcpt.directory(), "RCPT", f.detail(), reply));
                sendClosingIf421(sess, reply);
                return;
            }
            rcpt.tx().recipients.add(rcpt.address());
            sess.addRecipient(rcpt.path().orElseThrow());
            send(sess, Acceptance.RECIPIENT_OK);
        }
    }

    private static final class Data extends BaseCommand {
        private final SubmissionContext context;
        private final Transactions transactions;
        private final List<Check<Optional<Transaction>>> checks = DataStage.startChecks();
        private final DataStep step;

        Data(SubmissionContext context, Transactions transactions) {
            super("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
            this.context = context;
            this.transactions = transactions;
            this.step = new DataStep(context);
        }

        @Override
        public void execute(String commandString, Session sess) throws IOException, DropConnectionException {
            Optional<Transaction> tx = transactions.of(sess);
            Optional<Refused> refused = Check.first(checks, tx);
            if (refused.isPresent()) {
                send(sess, refused.get().refusal().reply(context.settings().dialect()));
                return;
            }
            sess.sendResponse(START_DATA);
            InputStream stream = new DataStream(sess.getRawInput());
            String response;
            try {
                response = step.receive(tx.orElseThrow(), stream).toString();
            } catch (RuntimeException e) {
                log.error("unexpected failure handling DATA; answering 451", e);
                response = Refusal.STORE_FAILED.reply(context.settings().dialect()).toString();
            } finally {
                drain(stream);
                // RFC 5321 §4.1.1.4: the transaction ends with the reply, accepted or not.
                sess.resetMailTransaction();
            }
            sess.sendResponse(response);
            if (response.startsWith("421 ")) {
                sess.quit();
            }
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
