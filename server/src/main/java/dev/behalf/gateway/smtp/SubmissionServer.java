package dev.behalf.gateway.smtp;

import dev.behalf.gateway.Defaults;
import dev.behalf.gateway.audit.DecisionLog;
import dev.behalf.mailstore.ListenFailure;
import dev.behalf.mailstore.MailStore;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.signin.ConnectionCaps;
import dev.behalf.policy.signin.SignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The submission listeners: the plain port with STARTTLS, and optionally an implicit-TLS port.
 * Built with {@link #builder()}; {@link #start()} binds (port 0 picks a free port, readable after).
 */
public final class SubmissionServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubmissionServer.class);

    private final SMTPServer plain;
    private final Optional<SMTPServer> implicitTls;
    private final ConnectionLimit limit;
    private final MessageSubmission messages;

    private SubmissionServer(SMTPServer plain, Optional<SMTPServer> implicitTls, ConnectionLimit limit, MessageSubmission messages) {
        this.messages = messages;
        this.plain = plain;
        this.implicitTls = implicitTls;
        this.limit = limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds both listeners; throws, naming the port, when one can't be bound (and then neither listens). */
    public void start() {
        bind(plain, "SMTP");
        try {
            implicitTls.ifPresent(s -> bind(s, "SMTPS"));
        } catch (RuntimeException e) {
            plain.stop();
            throw e;
        }
        log.info("SMTP submission listening on {}:{}", plain.getBindAddress().map(InetAddress::getHostAddress).orElse("*"), port());
        implicitTls.ifPresent(s -> log.info("SMTPS (implicit TLS) listening on {}:{}",
                s.getBindAddress().map(InetAddress::getHostAddress).orElse("*"), s.getPortAllocated()));
    }

    private static void bind(SMTPServer server, String protocol) {
        try {
            server.start();
        } catch (RuntimeException e) {
            // SubEthaSMTP reports a bind failure as its cause's text alone ("Address already in use"), without the port.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ListenFailure.of(protocol, server.getBindAddress().orElseGet(() -> new InetSocketAddress(0).getAddress()), server.getPort(),
                    cause.getMessage(), e);
        }
    }

    /** The bound submission port. */
    public int port() {
        return plain.getPortAllocated();
    }

    public OptionalInt smtpsPort() {
        return implicitTls.map(s -> OptionalInt.of(s.getPortAllocated())).orElse(OptionalInt.empty());
    }

    /** Submits messages that arrive by other doors (Graph's sendMail) through this server's pipeline. */
    public MessageSubmission messages() {
        return messages;
    }

    @Override
    public void close() {
        implicitTls.ifPresent(SMTPServer::stop);
        plain.stop();
        limit.close();
    }

    /** Configures the submission server; every collaborator but the TLS context is required. */
    public static final class Builder {
        private LiveDirectory directory;
        private MailStore store;
        private DecisionLog decisions;
        private SubmissionSettings settings;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = Defaults.SMTP_PORT;
        private OptionalInt smtpsPort = OptionalInt.empty();
        private Supplier<SSLContext> tls;
        private boolean requireTls;
        private Duration idleTimeout = Duration.ofSeconds(Defaults.IDLE_TIMEOUT_SECONDS);
        private Duration sessionTimeout = Duration.ofSeconds(Defaults.SESSION_TIMEOUT_SECONDS);
        private int maxConnections = Defaults.MAX_CONNECTIONS;
        private int maxConnectionsPerIp = Defaults.MAX_CONNECTIONS_PER_IP;
        private SignIn signIn;
        private Clock clock;
        private FaultRules faults = FaultRules.none();
        private Supplier<String> ids = SubmissionContext.randomIds();

        public Builder directory(LiveDirectory v) { directory = v; return this; }
        public Builder store(MailStore v) { store = v; return this; }
        public Builder decisions(DecisionLog v) { decisions = v; return this; }
        public Builder settings(SubmissionSettings v) { settings = v; return this; }
        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder smtpsPort(OptionalInt v) { smtpsPort = v; return this; }
        /** The TLS identity, created on first use (so start-up does not pay for it). */
        public Builder tls(Supplier<SSLContext> v) { tls = v; return this; }
        /** Refuse MAIL and AUTH before STARTTLS (for listeners reachable beyond this machine). */
        public Builder requireTls(boolean v) { requireTls = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /** How long a session may last in all, however busy (Exchange's ConnectionTimeout, 10 minutes). */
        public Builder sessionTimeout(Duration v) { sessionTimeout = v; return this; }
        /** Sessions at once, plain and implicit-TLS listeners together (Exchange's MaxInboundConnection). */
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        /** Sessions at once from one client address, IPv6 per /64 (Exchange's MaxInboundConnectionPerSource). */
        public Builder maxConnectionsPerIp(int v) { maxConnectionsPerIp = v; return this; }
        /** Who decides AUTH; share one with IMAP, POP3 and Autodiscover so one throttle counts them all. */
        public Builder signIn(SignIn v) { signIn = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder ids(Supplier<String> v) { ids = v; return this; }
        /** The fault rules the stages consult (default none). */
        public Builder faults(FaultRules v) { faults = v; return this; }

        public SubmissionServer build() {
            Objects.requireNonNull(directory, "directory: the submission server needs the LiveDirectory to authorise against");
            Objects.requireNonNull(store, "store: the submission server needs a MailStore to deliver into");
            Objects.requireNonNull(decisions, "decisions: the submission server needs a DecisionLog");
            Objects.requireNonNull(settings, "settings: use SubmissionSettings.defaults(hostName)");
            Objects.requireNonNull(tls, "tls: give a TLS context supplier, e.g. () -> TlsContexts.selfSigned(host)");
            // One clock: the directory's, which propagation delays are read from, unless a test gives one.
            Clock clock = this.clock != null ? this.clock : directory.clock();
            SubmissionContext context = new SubmissionContext(directory, store, decisions, settings, clock, ids,
                    SubmissionContext.internalIdCounter(), faults);
            Transactions transactions = new Transactions();
            Supplier<SSLContext> lazyTls = memoize(tls);
            SignIn auth = signIn != null ? signIn : SignIn.builder(directory::inForce).clock(clock).build();
            ConnectionLimit limit = new ConnectionLimit(new ConnectionCaps(maxConnections, maxConnectionsPerIp), sessionTimeout,
                    settings.dialect());
            LongAuthLines longLines = new LongAuthLines();
            SMTPServer plain = server(transactions, auth, limit, port, longLines).enableTLS(true).requireTLS(requireTls)
                    .serverSocketFactory(longLines::serverSocket)
                    .startTlsSocketFactory(socket -> longLines.afterStartTls(startTls(lazyTls.get(), socket)))
                    .build();
            SubmissionVerbs.install(plain.getCommandHandler(), context, transactions);
            Optional<SMTPServer> secure = Optional.empty();
            if (smtpsPort.isPresent()) {
                SMTPServer s = server(transactions, auth, limit, smtpsPort.getAsInt(), longLines)
                        .serverSocketFactory(() -> longLines.tlsServerSocket(lazyTls.get())).build();
                SubmissionVerbs.install(s.getCommandHandler(), context, transactions);
                secure = Optional.of(s);
            }
            return new SubmissionServer(plain, secure, limit, new MessageSubmission(context));
        }

        private SMTPServer.Builder server(Transactions transactions, SignIn auth, ConnectionLimit limit, int p, LongAuthLines longLines) {
            return SMTPServer.port(p)
                    .bindAddress(bindAddress)
                    .hostName(settings.hostName())
                    .softwareName("Behalf")
                    .maxMessageSize(settings.maxMessageSize())
                    .maxRecipients(settings.maxRecipients())
                    // Our ConnectionLimit answers first, with an enhanced status code; this is a backstop.
                    .maxConnections(maxConnections * 2 + 10)
                    .sessionHandler(new ConnectStage(List.of(limit)))
                    .connectionTimeout((int) idleTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .insertReceivedHeaders(false)
                    .authenticationHandlerFactory(new DirectoryAuthenticator(auth, longLines))
                    .messageHandlerFactory(transactions);
        }

        private static SSLSocket startTls(SSLContext ctx, java.net.Socket socket) throws java.io.IOException {
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(socket, remote.getHostString(), socket.getPort(), true);
            s.setUseClientMode(false);
            return s;
        }

        private static <T> Supplier<T> memoize(Supplier<T> supplier) {
            return new Supplier<>() {
                private volatile T value;

                @Override
                public T get() {
                    T v = value;
                    if (v == null) {
                        synchronized (this) {
                            if (value == null) {
                                value = Objects.requireNonNull(supplier.get(), "TLS context");
                            }
                            v = value;
                        }
                    }
                    return v;
                }
            };
        }
    }
}
