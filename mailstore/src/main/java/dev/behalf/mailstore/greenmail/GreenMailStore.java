package dev.behalf.mailstore.greenmail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.pop3.BehalfPop3Handler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.ServerSetup;
import dev.behalf.mailstore.Delivery;
import dev.behalf.mailstore.ListenFailure;
import dev.behalf.mailstore.MailStore;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageId;
import dev.behalf.mailstore.MessageSummary;
import dev.behalf.mailstore.StoreEvent;
import dev.behalf.mailstore.StoredMessage;
import dev.behalf.mailstore.core.MessageStore;
import dev.behalf.mailstore.durable.DataDir;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.signin.ConnectionCaps;
import dev.behalf.policy.signin.SignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Behalf's {@link MailStore} ({@link MessageStore}, the only copy of stored mail) served over IMAP and
 * POP3 by GreenMail's protocol servers, which reach it through GreenMail's own storage interfaces
 * ({@link ImapStore}, {@link ImapFolder}); never SMTP: Behalf's SMTP is the gateway. Sign-in is decided
 * by the directory: owners with their own account, Full Access delegates as {@code delegate\mailbox}
 * or with SASL PLAIN and an authorization identity.
 *
 * <pre>{@code
 * GreenMailStore store = GreenMailStore.builder(live)
 *         .imapPort(0).pop3Port(0)              // defaults 2143 / 2110 on 127.0.0.1
 *         .dataDir(dataDir)                     // optional; memory only without
 *         .build()                              // opens the store, restoring mail from the data dir
 *         .start();                             // binds IMAP and POP3
 * int imap = store.imapPort();                  // the bound port
 * }</pre>
 *
 * <p>Lifecycle: {@link Builder#build()} opens the store (deliveries and reads work from then on),
 * {@link #start()} binds the listeners once, {@link #close()} stops them and leaves everything delivered
 * on disk; the {@link DataDir} belongs to the caller, who closes it afterwards. The store follows
 * {@link LiveDirectory#onChange}: a new mailbox gets its INBOX and Sent Items at once; a removed one can
 * no longer sign in or be listed, and its mail is retained. Thread-safe.
 */
public final class GreenMailStore implements MailStore {
    private static final Logger log = LoggerFactory.getLogger(GreenMailStore.class);
    private static final long STARTUP_TIMEOUT_MS = 10_000;

    private final Options options;
    private final MessageStore store;
    private final Boxes boxes;
    private final MailboxHost host;
    private final ClosedUsers users;
    private final Managers managers;
    private AbstractServer imap;
    private AbstractServer pop3;
    private volatile boolean closed;

    /** What the builder collected. */
    private record Options(LiveDirectory directory, InetAddress bindAddress, int imapPort, int pop3Port,
                           Optional<DataDir> dataDir, Duration clientSocketTimeout, SignIn signIn,
                           int maxConnections, int maxConnectionsPerIp, InputLimits inputLimits) {
    }

    private GreenMailStore(Options options) {
        this.options = options;
        this.store = new MessageStore(options.dataDir().map(DataDir::mail), options.directory()::current, Clock.systemUTC());
        this.boxes = new Boxes(store);
        this.host = new MailboxHost(new ImapStore(store), store);
        this.users = new ClosedUsers(host);
        this.managers = new Managers() {
            @Override
            public UserManager getUserManager() {
                return users;
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return host;
            }
        };
        store.restore();
        store.directoryChanged(options.directory().current());
        options.directory().onChange(d -> {
            if (!closed) {
                store.directoryChanged(d);
            }
        });
    }

    public static Builder builder(LiveDirectory directory) {
        return new Builder(directory);
    }

    /** Binds IMAP and POP3 and returns this store; throws when a port can't be bound. Call once. */
    public synchronized GreenMailStore start() {
        if (imap != null) {
            throw new IllegalStateException("the store is already started");
        }
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        imap = listen(ServerSetup.PROTOCOL_IMAP, options.imapPort(), ProtocolServer.Refusals.IMAP,
                s -> new ImapConnection(s, host, users, options.signIn(), options.inputLimits(), boxes, store));
        try {
            pop3 = listen(ServerSetup.PROTOCOL_POP3, options.pop3Port(), ProtocolServer.Refusals.POP3, s -> {
                InputBudget budget = new InputBudget(options.inputLimits());
                Pop3SignIn signIn = new Pop3SignIn(options.signIn(), s.getInetAddress(), boxes, budget);
                return new BehalfPop3Handler(new Pop3Commands(signIn, store), users, s, new Pop3Input(budget));
            });
        } catch (RuntimeException e) {
            imap.stopService(STARTUP_TIMEOUT_MS);
            throw e;
        }
        log.info("IMAP listening on {}:{}, POP3 on {}:{}", options.bindAddress().getHostAddress(), imap.getPort(),
                options.bindAddress().getHostAddress(), pop3.getPort());
        return this;
    }

    private AbstractServer listen(String protocol, int port, ProtocolServer.Refusals refusals,
                                  Function<Socket, ProtocolHandler> connections) {
        ServerSetup setup = new ServerSetup(port, options.bindAddress().getHostAddress(), protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        ProtocolServer server = new ProtocolServer(setup, managers,
                new ConnectionCaps(options.maxConnections(), options.maxConnectionsPerIp()), refusals, connections);
        // GreenMail drops a client idle for 30 s by default; IMAP clients idle for minutes (RFC 3501 §5.4).
        server.setClientSocketTimeout(Math.toIntExact(options.clientSocketTimeout().toMillis()));
        server.startService();
        boolean running;
        try {
            running = server.waitTillRunning(STARTUP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        if (!running) {
            server.stopService(STARTUP_TIMEOUT_MS);
            throw ListenFailure.of(protocol.toUpperCase(), options.bindAddress(), port, null, null);
        }
        return server;
    }

    /** The bound IMAP port (the real one when the builder asked for 0). */
    public int imapPort() {
        return started(imap).getPort();
    }

    /** The bound POP3 port (the real one when the builder asked for 0). */
    public int pop3Port() {
        return started(pop3).getPort();
    }

    public InetAddress bindAddress() {
        return options.bindAddress();
    }

    private synchronized AbstractServer started(AbstractServer server) {
        if (server == null) {
            throw new IllegalStateException("start() the store before asking for its ports");
        }
        return server;
    }

    @Override
    public List<MessageSummary> deliver(Delivery delivery) {
        requireOpen();
        return store.deliver(delivery);
    }

    @Override
    public List<MailboxSummary> mailboxes() {
        return store.mailboxes();
    }

    @Override
    public List<MessageSummary> list(MailboxKey mailbox, String folder) {
        return store.list(mailbox, folder);
    }

    @Override
    public Optional<StoredMessage> fetch(MessageId id) {
        return store.fetch(id);
    }

    @Override
    public boolean delete(MessageId id) {
        requireOpen();
        return store.delete(id);
    }

    @Override
    public int purge(MailboxKey mailbox) {
        requireOpen();
        return store.purge(mailbox);
    }

    @Override
    public int purgeAll() {
        requireOpen();
        return store.purgeAll();
    }

    @Override
    public void subscribe(Consumer<StoreEvent> listener) {
        store.subscribe(Objects.requireNonNull(listener, "listener"));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /** Stops IMAP and POP3 (closing client connections) and makes any last client change durable. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AbstractServer s : new AbstractServer[]{imap, pop3}) {
            if (s != null) {
                s.stopService(STARTUP_TIMEOUT_MS);
            }
        }
        store.close();
        log.info("Mail store closed");
    }

    /**
     * Configures a {@link GreenMailStore}. Defaults: 127.0.0.1, IMAP 2143, POP3 2110, memory only,
     * clients dropped after 30 minutes idle, 500 connections per listener and 100 from one address,
     * {@link InputLimits#DEFAULTS}, and a {@link SignIn} of its own over the directory with the default throttle.
     */
    public static final class Builder {
        private final LiveDirectory directory;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int imapPort = 2143;
        private int pop3Port = 2110;
        private Optional<DataDir> dataDir = Optional.empty();
        private Duration clientSocketTimeout = Duration.ofMinutes(30);
        private SignIn signIn;
        private int maxConnections = ConnectionCaps.DEFAULT_TOTAL;
        private int maxConnectionsPerIp = ConnectionCaps.DEFAULT_PER_CLIENT;
        private InputLimits inputLimits = InputLimits.DEFAULTS;

        private Builder(LiveDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** 0 picks a free port; {@link #imapPort()} tells which after {@link #start()}. */
        public Builder imapPort(int port) {
            this.imapPort = port;
            return this;
        }

        /** 0 picks a free port; {@link #pop3Port()} tells which after {@link #start()}. */
        public Builder pop3Port(int port) {
            this.pop3Port = port;
            return this;
        }

        /** Keep mail under this data dir (opened by the caller); without one the store is memory only. */
        public Builder dataDir(DataDir dir) {
            this.dataDir = Optional.of(dir);
            return this;
        }

        public Builder dataDir(Optional<DataDir> dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** How long a silent IMAP or POP3 client is kept; RFC 3501 §5.4 asks for at least 30 minutes. */
        public Builder clientSocketTimeout(Duration timeout) {
            this.clientSocketTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Who decides sign-ins; share one with the other surfaces so that one throttle counts them all. */
        public Builder signIn(SignIn v) {
            this.signIn = Objects.requireNonNull(v, "signIn");
            return this;
        }

        /** Connections each of IMAP and POP3 holds at once ({@code * BYE Connection queue full} past it). */
        public Builder maxConnections(int v) {
            this.maxConnections = v;
            return this;
        }

        /** Connections each of IMAP and POP3 holds from one client address (IPv6: one /64). */
        public Builder maxConnectionsPerIp(int v) {
            this.maxConnectionsPerIp = v;
            return this;
        }

        /** How long a line or literal a client may send, before and after sign-in. */
        public Builder inputLimits(InputLimits v) {
            this.inputLimits = Objects.requireNonNull(v, "inputLimits");
            return this;
        }

        /** Opens the store (restoring a data dir's mail); {@link GreenMailStore#start()} then binds the ports. */
        public GreenMailStore build() {
            for (int port : new int[]{imapPort, pop3Port}) {
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("port " + port + " is not 0..65535 (0 picks a free port)");
                }
            }
            if (imapPort == pop3Port && imapPort != 0) {
                throw new IllegalArgumentException("IMAP and POP3 both on port " + imapPort + "; give them different ports, or 0");
            }
            if (clientSocketTimeout.isNegative() || clientSocketTimeout.isZero() || clientSocketTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("clientSocketTimeout " + clientSocketTimeout + " must be positive and under 24 days");
            }
            if (maxConnections < 1 || maxConnectionsPerIp < 1) {
                throw new IllegalArgumentException("maxConnections " + maxConnections + " and maxConnectionsPerIp "
                        + maxConnectionsPerIp + " must be at least 1");
            }
            return new GreenMailStore(new Options(directory, bindAddress, imapPort, pop3Port, dataDir, clientSocketTimeout,
                    signIn != null ? signIn : SignIn.builder(directory::current).build(),
                    maxConnections, maxConnectionsPerIp, inputLimits));
        }
    }
}
