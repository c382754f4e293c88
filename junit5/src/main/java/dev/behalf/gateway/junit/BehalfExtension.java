package dev.behalf.gateway.junit;

import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.audit.DecisionRecord;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.directory.SmtpAddress;
import dev.behalf.policy.identity.Resolution;
import dev.behalf.policy.reply.Dialect;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A real Behalf for JUnit 5 tests, on free ports of 127.0.0.1, with delegation built in.
 *
 * <p>Registered in a {@code static} field it starts once per class; in an instance field, once per
 * test. Either way each test starts from the declared directory with no mail and no decision records.
 * No static state: parallel test classes each get their own server.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BehalfExtension behalf = BehalfExtension.withDemoDirectory();
 *
 * @Test
 * void holly_sends_on_behalf_of_sean() throws Exception {
 *     behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
 *     myApp.sendStatusReport(behalf.session("hollyh"), "seanc@contoso.com", "jimh@contoso.com");
 *     BehalfAssertions.assertSentOnBehalf(behalf.awaitMessage("jimh", "Status"), "hollyh", "seanc", behalf);
 * }
 * }</pre>
 */
public final class BehalfExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final DirectorySpec directory;
    private final UnaryOperator<Behalf.Builder> configure;
    private RunningBehalf running;
    private final Object arrivals = new Object();
    private boolean perClass;
    private Duration timeout = Duration.ofSeconds(10);
    /** The server's clock: the system's plus what {@link #advanceClock} added, so a propagation delay passes at once. */
    private final AdvancingClock clock = new AdvancingClock();

    private BehalfExtension(DirectorySpec directory, UnaryOperator<Behalf.Builder> configure) {
        this.directory = directory;
        this.configure = configure;
    }

    /** The bundled Contoso demo directory (every account's password is {@code P@ssw0rd}). */
    public static BehalfExtension withDemoDirectory() {
        return new BehalfExtension(DirectorySpec.demo(), UnaryOperator.identity());
    }

    public static BehalfExtension withDirectory(DirectorySpec directory) {
        return new BehalfExtension(directory, UnaryOperator.identity());
    }

    /** Further server options (dialect, size limit, envelope checking...); ports stay ephemeral. */
    public BehalfExtension configure(UnaryOperator<Behalf.Builder> options) {
        return new BehalfExtension(directory, b -> options.apply(configure.apply(b)));
    }

    /** How long {@link #awaitMessage} waits (default 10 s). */
    public BehalfExtension awaitTimeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            running.reset();
        } else {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start() {
        clock.rewind();
        Behalf.Builder builder = configure.apply(Behalf.builder().directory(directory.build()).clock(clock));
        running = builder.allPortsEphemeral().bindAddress(java.net.InetAddress.getLoopbackAddress()).start();
        running.store().subscribe(event -> {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        });
    }

    private void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** The running server; throws outside a test. */
    public RunningBehalf server() {
        if (running == null) {
            throw new IllegalStateException("Behalf is not running: use the extension from a test method, "
                    + "and register it with @RegisterExtension");
        }
        return running;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return server().ports().smtp();
    }

    public int imapPort() {
        return server().ports().imap();
    }

    public int pop3Port() {
        return server().ports().pop3();
    }

    public int httpPort() {
        return server().ports().http();
    }

    public Dialect dialect() {
        return server().options().dialect();
    }

    /** The directory object an identity names (alias, address, name...); fails the test when none or several. */
    public Recipient recipient(String identity) {
        Resolution r = server().directory().current().resolve(identity);
        if (r instanceof Resolution.Found f) {
            return f.recipient();
        }
        throw new AssertionError(r instanceof Resolution.Ambiguous a
                ? "'" + identity + "' names several recipients: " + a.matches().stream().map(Recipient::name).toList()
                : "'" + identity + "' names no recipient in the Behalf directory");
    }

    /**
     * A Jakarta Mail session that sends as {@code account} (authenticated SMTP, no TLS on loopback)
     * and reads its mailbox over IMAP and POP3, with the account's directory password.
     */
    public Session session(String account) {
        Recipient r = recipient(account);
        String login = r.account().map(a -> a.userPrincipalName()).orElseThrow(() ->
                new AssertionError(r.name() + " is a " + r.type() + " and has no account to sign in with"));
        String password = r.account().flatMap(a -> a.password()).map(s -> s.reveal()).orElseThrow(() ->
                new AssertionError(r.name() + " is a " + r.type() + " and can't sign in"));
        Properties p = new Properties();
        p.put("mail.smtp.host", host());
        p.put("mail.smtp.port", String.valueOf(smtpPort()));
        p.put("mail.smtp.auth", "true");
        p.put("mail.imap.host", host());
        p.put("mail.imap.port", String.valueOf(imapPort()));
        p.put("mail.pop3.host", host());
        p.put("mail.pop3.port", String.valueOf(pop3Port()));
        p.put("mail.user", login);
        for (String proto : List.of("smtp", "imap", "pop3")) {
            p.put("mail." + proto + ".connectiontimeout", "10000");
            p.put("mail." + proto + ".timeout", "30000");
        }
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(login, password);
            }
        });
    }

    /**
     * Waits (up to the await timeout) for a message whose subject contains {@code subject} in the Inbox
     * of {@code mailbox} (any identity), and returns it as delivered.
     */
    public MimeMessage awaitMessage(String mailbox, String subject) {
        Recipient r = recipient(mailbox);
        MailboxKey key = r.primarySmtpAddress().flatMap(a -> MailboxKey.of(server().directory().current(), a)).orElseThrow(() ->
                new AssertionError(r.name() + " is a " + r.type() + ": it has no mailbox (mail to a group lands in its members' mailboxes)"));
        return awaitMessage(key, subject, r.name());
    }

    /** Like {@link #awaitMessage(String, String)} for mail captured for an outside address. */
    public MimeMessage awaitExternal(String address, String subject) {
        return awaitMessage(new MailboxKey.External(SmtpAddress.parse(address)), subject, address);
    }

    private MimeMessage awaitMessage(MailboxKey key, String subject, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (true) {
                Optional<MessageSummary> hit = server().store().list(key, Folders.INBOX).stream()
                        .filter(m -> m.subject().contains(subject)).findFirst();
                if (hit.isPresent()) {
                    return parse(server().store().fetch(hit.get().id()).orElseThrow().raw());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    // Woken by every store event; the timeout only bounds the wait.
                    arrivals.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for mail", e);
                }
            }
        }
        List<String> seen = server().store().list(key, Folders.INBOX).stream().map(MessageSummary::subject).toList();
        throw new AssertionError("no message with subject containing '" + subject + "' reached " + what + " within "
                + timeout.toMillis() + " ms; its Inbox has " + (seen.isEmpty() ? "nothing" : seen)
                + lastDecision().map(d -> "; last decision: " + d.outcome() + " (" + String.join("; ", d.because()) + ") " + d.reply()).orElse(""));
    }

    /** The most recent decision record, accepted or refused. */
    public Optional<DecisionRecord> lastDecision() {
        return server().decisions().last();
    }

    /** Something that sends mail and may throw, e.g. {@code () -> Transport.send(message)}. */
    @FunctionalInterface
    public interface Send {
        void run() throws Exception;
    }

    /**
     * Asserts the message was sent by {@code delegate} on behalf of {@code mailbox} (identities:
     * alias, address, name...): From is the mailbox, Sender the delegate.
     */
    public void assertSentOnBehalf(MimeMessage message, String delegate, String mailbox) {
        BehalfAssertions.assertSentOnBehalf(message, delegate, mailbox, this);
    }

    /** Asserts the message reads as sent by {@code mailbox} itself: From is it, no Sender names a delegate. */
    public void assertSentAs(MimeMessage message, String mailbox) {
        BehalfAssertions.assertSentAs(message, mailbox, this);
    }

    /**
     * Asserts {@code send} is refused with the dialect's "no permission to send as this sender" reply
     * ({@code 550 5.7.60 ...} on Exchange Online) and recorded; returns the decision record.
     */
    public DecisionRecord assertRefused(Send send) {
        return BehalfAssertions.assertRefused(send, this);
    }

    /**
     * Asserts {@code send} is refused with a reply containing {@code expectedReply} (a code such as
     * "552", or a whole line); returns the decision record when the refusal made one (530 and 535
     * happen before any transaction and make none).
     */
    public Optional<DecisionRecord> assertRefused(Send send, String expectedReply) {
        return BehalfAssertions.assertRefused(send, expectedReply, this);
    }

    /**
     * Answers the submissions {@code rule} matches with its throttling reply until the test ends, e.g.
     * {@code behalf.addFault(FaultRule.of("busy", Stage.MAIL, Reply.SERVER_BUSY).account("raymonds").next(2))}:
     * Raymond's next two MAIL FROM get {@code 451 4.7.500 Server busy. Please try again later.}
     */
    public void addFault(FaultRule rule) {
        server().faults().add(List.of(rule));
    }

    /** Removes every fault rule (each test starts with the configured ones anyway). */
    public void clearFaults() {
        server().faults().clear();
    }

    /**
     * Moves the server's clock forward: grant changes made with a propagation delay
     * ({@code -PropagationDelay 00:02:00}, {@code configure(b -> b.propagationDelay(...))}) come in force
     * without the test waiting. The clock goes back to the real time when the server restarts.
     */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /** Runs cmdlets against the live directory; fails the test when a command errors. Returns the output. */
    public String shell(String commands) {
        return ShellBridge.run(server(), commands);
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new AssertionError("the delivered message does not parse: " + e.getMessage(), e);
        }
    }
}
