package dev.behalf.gateway.app;

import dev.behalf.policy.signin.BasicAuth;

import dev.behalf.gateway.Defaults;
import dev.behalf.gateway.faults.FaultRule;
import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.signin.SignInThrottle;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Entry point of an embedded Behalf: configure with {@link #builder()}, then {@link Builder#start()}
 * binds every listener and returns the {@link RunningBehalf}. No static state: several can run side
 * by side on port 0.
 *
 * <pre>{@code
 * try (RunningBehalf b = Behalf.builder().allPortsEphemeral().start()) {
 *     int smtp = b.ports().smtp();
 * }
 * }</pre>
 */
public final class Behalf {
    private Behalf() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options with the documented defaults ({@link Defaults}); every setter returns the builder. */
    public static final class Builder {
        private Path configDir = Path.of(Defaults.CONFIG_DIR);
        private Directory directory;
        private InetAddress bindAddress = Defaults.bindAddress();
        private String hostName = Defaults.HOST_NAME;
        private int smtpPort = Defaults.SMTP_PORT;
        private OptionalInt smtpsPort = OptionalInt.empty();
        private int imapPort = Defaults.IMAP_PORT;
        private int pop3Port = Defaults.POP3_PORT;
        private int httpPort = Defaults.HTTP_PORT;
        private Path dataDir;
        private Dialect dialect = Defaults.dialect();
        private int maxMessageSize = Defaults.MAX_MESSAGE_SIZE;
        private int maxRecipients = Defaults.MAX_RECIPIENTS;
        private boolean enforceEnvelope;
        private String adminToken;
        private Path tlsKeystore;
        private String tlsKeystorePassword;
        private boolean allowPlainAuth;
        private BasicAuth basicAuth = BasicAuth.ENABLED;
        private Duration idleTimeout = Duration.ofSeconds(Defaults.IDLE_TIMEOUT_SECONDS);
        private Duration sessionTimeout = Duration.ofSeconds(Defaults.SESSION_TIMEOUT_SECONDS);
        private int decisionLogCapacity = Defaults.DECISION_LOG_CAPACITY;
        private int maxConnections = Defaults.MAX_CONNECTIONS;
        private int maxConnectionsPerIp = Defaults.MAX_CONNECTIONS_PER_IP;
        private SignInThrottle.Limits signInThrottle = ClientLimits.DEFAULTS.signInThrottle();
        private URI webhook;
        private int webhookQueue = 10_000;
        private Duration webhookTimeout = Duration.ofSeconds(5);
        private Duration propagationDelay = Duration.ZERO;
        private final List<FaultRule> faults = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private final List<Plugin> plugins = new ArrayList<>();

        public Builder configDir(Path v) { configDir = v; return this; }
        /** Use this directory instead of loading {@link #configDir}. */
        public Builder directory(Directory v) { directory = v; return this; }
        public Builder bindAddress(InetAddress v) { bindAddress = v; return this; }
        public Builder hostName(String v) { hostName = v; return this; }
        public Builder smtpPort(int v) { smtpPort = v; return this; }
        public Builder smtpsPort(int v) { smtpsPort = OptionalInt.of(v); return this; }
        public Builder imapPort(int v) { imapPort = v; return this; }
        public Builder pop3Port(int v) { pop3Port = v; return this; }
        public Builder httpPort(int v) { httpPort = v; return this; }
        /** Every listener on a free port: for tests. */
        public Builder allPortsEphemeral() { smtpPort = 0; imapPort = 0; pop3Port = 0; httpPort = 0; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder dialect(Dialect v) { dialect = v; return this; }
        public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        public Builder maxRecipients(int v) { maxRecipients = v; return this; }
        public Builder enforceEnvelope(boolean v) { enforceEnvelope = v; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder tlsKeystore(Path keystore, String password) { tlsKeystore = keystore; tlsKeystorePassword = password; return this; }
        public Builder allowPlainAuth(boolean v) { allowPlainAuth = v; return this; }
        /** Where the retirement of Basic authentication for SMTP stands ({@code --basic-auth}; default enabled). */
        public Builder basicAuth(BasicAuth v) { basicAuth = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /** How long an SMTP session may last in all (default 10 minutes, as Exchange's ConnectionTimeout). */
        public Builder sessionTimeout(Duration v) { sessionTimeout = v; return this; }
        public Builder decisionLogCapacity(int v) { decisionLogCapacity = v; return this; }
        /** Sessions each of SMTP, IMAP and POP3 holds at once (default 500). */
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        /** Sessions each of SMTP, IMAP and POP3 holds from one client address (default 100). */
        public Builder maxConnectionsPerIp(int v) { maxConnectionsPerIp = v; return this; }
        /** How failed sign-ins slow the next attempt of that client and account, on every surface ({@link SignInThrottle.Limits#off()} for none). */
        public Builder signInThrottle(SignInThrottle.Limits v) { signInThrottle = v; return this; }
        /** POST each decision record as JSON here, never holding up SMTP (see {@link dev.behalf.gateway.audit.Webhook}). */
        public Builder webhook(URI v) { webhook = v; return this; }
        /** How many records may wait for a slow webhook before new ones are dropped (default 10,000). */
        public Builder webhookQueue(int v) { webhookQueue = v; return this; }
        /** Connect and answer timeout of one webhook post (default 5 s). */
        public Builder webhookTimeout(Duration v) { webhookTimeout = v; return this; }
        /** Start this plugin with the server (e.g. behalf-metrics' {@code PrometheusMetrics}). */
        public Builder plugin(Plugin v) { plugins.add(v); return this; }
        /** How long a grant change takes to be in force for decisions (default zero: at once), as in Exchange Online. */
        public Builder propagationDelay(Duration v) { propagationDelay = v; return this; }
        /** Start with these fault rules (as {@code --faults FILE}); {@code /api/faults} adds more. */
        public Builder faults(List<FaultRule> v) { faults.addAll(v); return this; }
        /** The server's one clock (default the system's): propagation delays and record times. For tests. */
        public Builder clock(Clock v) { clock = v; return this; }

        public BehalfOptions options() {
            return new BehalfOptions(configDir, Optional.ofNullable(directory), bindAddress, hostName, smtpPort, smtpsPort,
                    imapPort, pop3Port, httpPort, Optional.ofNullable(dataDir), dialect, maxMessageSize, maxRecipients,
                    enforceEnvelope, Optional.ofNullable(adminToken), Optional.ofNullable(tlsKeystore),
                    Optional.ofNullable(tlsKeystorePassword), allowPlainAuth, idleTimeout, sessionTimeout, decisionLogCapacity,
                    new ClientLimits(maxConnections, maxConnectionsPerIp, signInThrottle),
                    Optional.ofNullable(webhook), webhookQueue, webhookTimeout, basicAuth, propagationDelay, faults, clock);
        }

        /**
         * Loads the directory (replaying the data dir's journal), starts IMAP/POP3, SMTP and HTTP, and
         * returns once all are listening. Throws with the reason when the configuration is refused or a
         * port can't be bound; nothing is left running then.
         */
        public RunningBehalf start() {
            return RunningBehalf.start(options(), List.copyOf(plugins));
        }
    }
}
