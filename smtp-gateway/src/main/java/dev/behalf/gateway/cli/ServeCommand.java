package dev.behalf.gateway.cli;

import dev.behalf.gateway.Defaults;
import dev.behalf.gateway.app.Behalf;
import dev.behalf.gateway.app.RunningBehalf;
import dev.behalf.gateway.faults.FaultRules;
import dev.behalf.gateway.metrics.PrometheusMetrics;
import dev.behalf.policy.change.Propagation;
import dev.behalf.policy.config.InvalidConfigException;
import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.signin.BasicAuth;
import dev.behalf.policy.signin.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code behalf serve}: starts every listener and runs until Ctrl-C / SIGTERM. Option defaults are {@link Defaults}. */
@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = "Start Behalf: SMTP submission, IMAP, POP3 and HTTP (API, web UI) on the demo or a given directory.",
        footer = "%nEvery option can be given as an environment variable instead: --smtp-port as BEHALF_SMTP_PORT, "
                + "--data-dir as BEHALF_DATA_DIR, a flag as BEHALF_ALLOW_PLAIN_AUTH=true. The command line wins.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "DIR", defaultValue = Defaults.CONFIG_DIR, description = "Directory of YAML files (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = Defaults.BIND_ADDRESS, description = "Address every listener binds (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--hostname", defaultValue = Defaults.HOST_NAME, description = "Name in greetings, Received fields and the certificate (default: ${DEFAULT-VALUE}).")
    String hostName;

    @Option(names = "--smtp-port", defaultValue = "" + Defaults.SMTP_PORT, description = "SMTP submission port, STARTTLS offered; 0 = any free port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--smtps-port", description = "Implicit-TLS SMTP port (off unless given).")
    Integer smtpsPort;

    @Option(names = "--imap-port", defaultValue = "" + Defaults.IMAP_PORT, description = "IMAP port (default: ${DEFAULT-VALUE}).")
    int imapPort;

    @Option(names = "--pop3-port", defaultValue = "" + Defaults.POP3_PORT, description = "POP3 port (default: ${DEFAULT-VALUE}).")
    int pop3Port;

    @Option(names = "--http-port", defaultValue = "" + Defaults.HTTP_PORT, description = "HTTP port: JSON API, shell endpoint, web UI (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Persist mail and directory changes here (default: in memory only).")
    Path dataDir;

    @Option(names = "--dialect", defaultValue = Defaults.DIALECT, converter = DialectConverter.class,
            description = "Reply texts of: exchange-online, exchange-server (default: ${DEFAULT-VALUE}).")
    Dialect dialect;

    @Option(names = "--max-message-size", defaultValue = Defaults.MAX_MESSAGE_SIZE_MB + "MB", converter = SizeConverter.class,
            description = "Largest accepted message, e.g. 35MB, 512KB, 1048576 (default: ${DEFAULT-VALUE}).")
    int maxMessageSize;

    @Option(names = "--max-recipients", defaultValue = "" + Defaults.MAX_RECIPIENTS, description = "Recipients per message (default: ${DEFAULT-VALUE}).")
    int maxRecipients;

    @Option(names = "--enforce-envelope", description = "Also authorise the envelope MAIL FROM, at MAIL FROM.")
    boolean enforceEnvelope;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Require 'Authorization: Bearer TOKEN' on the HTTP API (required when bound beyond loopback).")
    String adminToken;

    @Option(names = "--generate-admin-token",
            description = "Without --admin-token, make a random one at start and print it in the log (the container image does).")
    boolean generateAdminToken;

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS#12 keystore for STARTTLS/SMTPS (default: a self-signed certificate made at start).")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD", description = "Password of --tls-keystore.")
    String tlsKeystorePassword;

    @Option(names = "--allow-plain-auth", description = "Allow AUTH without TLS when bound beyond loopback.")
    boolean allowPlainAuth;

    @Option(names = "--idle-timeout", defaultValue = "" + Defaults.IDLE_TIMEOUT_SECONDS, paramLabel = "SECONDS", description = "Close SMTP clients idle this long (default: ${DEFAULT-VALUE}).")
    int idleTimeoutSeconds;

    @Option(names = "--session-timeout", defaultValue = "" + Defaults.SESSION_TIMEOUT_SECONDS, paramLabel = "SECONDS",
            description = "Close SMTP sessions open this long in all, however busy (default: ${DEFAULT-VALUE}).")
    int sessionTimeoutSeconds;

    @Option(names = "--max-connections", defaultValue = "" + Defaults.MAX_CONNECTIONS,
            description = "Sessions each of SMTP, IMAP and POP3 holds at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-connections-per-ip", defaultValue = "" + Defaults.MAX_CONNECTIONS_PER_IP,
            description = "Sessions each of SMTP, IMAP and POP3 holds from one client address (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerIp;

    @Option(names = "--no-sign-in-throttle",
            description = "Never delay a sign-in after failed ones (default: after 3 failures of one client and account, 1 s doubling to 15 s).")
    boolean noSignInThrottle;
    @Option(names = "--basic-auth", defaultValue = "enabled", paramLabel = "STAGE", converter = BasicAuthConverter.class,
            description = "Basic authentication (PLAIN, LOGIN) on SMTP, as Exchange Online retires it: enabled (the directory's"
                    + " SmtpClientAuthenticationDisabled switches decide), disabled (535 5.7.139), retired (550 5.7.30) (default: ${DEFAULT-VALUE}).")
    BasicAuth basicAuth;

    /** {@code enabled}, {@code disabled}, {@code retired}, with the option's own error for anything else. */
    static final class BasicAuthConverter implements CommandLine.ITypeConverter<BasicAuth> {
        @Override
        public BasicAuth convert(String value) {
            try {
                return BasicAuth.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST each decision record as JSON to this http(s) URL; never slows SMTP (a full queue drops and counts).")
    URI webhook;

    @Option(names = "--propagation-delay", paramLabel = "DELAY", defaultValue = "0", converter = DelayConverter.class,
            description = "A grant change is in force for decisions only after this delay, as in Exchange Online: 30s, 2m, 1h"
                    + " (default: 0, at once). A cmdlet's -PropagationDelay overrides it per change.")
    Duration propagationDelay;

    @Option(names = "--faults", paramLabel = "FILE",
            description = "Fault rules (YAML): answer chosen submissions with Exchange Online's throttling replies (see /api/faults).")
    Path faults;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (generateAdminToken && (adminToken == null || adminToken.isBlank())) {
            adminToken = AdminTokens.generate();
            log.info("admin token (generated at start; set --admin-token or BEHALF_ADMIN_TOKEN to choose it): {}", adminToken);
        }
        Behalf.Builder builder = Behalf.builder().configDir(config).bindAddress(address(bind)).hostName(hostName)
                .smtpPort(smtpPort).imapPort(imapPort).pop3Port(pop3Port).httpPort(httpPort)
                .dialect(dialect).maxMessageSize(maxMessageSize).maxRecipients(maxRecipients)
                .enforceEnvelope(enforceEnvelope).adminToken(adminToken).allowPlainAuth(allowPlainAuth)
                .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .sessionTimeout(Duration.ofSeconds(sessionTimeoutSeconds))
                .maxConnections(maxConnections).maxConnectionsPerIp(maxConnectionsPerIp)
                .basicAuth(basicAuth)
                .plugin(new PrometheusMetrics());
        builder.propagationDelay(propagationDelay);
        if (faults != null) {
            try {
                builder.faults(FaultRules.parse(Files.readString(faults), faults.toString()));
            } catch (IOException e) {
                err().println("behalf: --faults: can't read " + faults + ": " + e.getMessage());
                return 2;
            } catch (FaultRules.BadRules e) {
                err().println("behalf: --faults: " + e.getMessage());
                return 2;
            }
        }
        if (noSignInThrottle) {
            builder.signInThrottle(SignInThrottle.Limits.off());
        }
        if (smtpsPort != null) {
            builder.smtpsPort(smtpsPort);
        }
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        if (webhook != null) {
            builder.webhook(webhook);
        }
        if (tlsKeystore != null) {
            builder.tlsKeystore(tlsKeystore, tlsKeystorePassword);
        }
        RunningBehalf running;
        try {
            running = builder.start();
        } catch (InvalidConfigException | IllegalArgumentException e) {
            err().println("behalf: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            err().println("behalf: can't start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            running.close();
            stopped.countDown();
        }, "behalf-shutdown"));
        stopped.await();
        return 0;
    }

    /** picocli's error writer; stderr when {@link QuickServe} ran this without picocli's model. */
    private java.io.PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    private InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: '" + text + "' is not an address of this machine");
        }
    }

    static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            return Dialect.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a dialect; use one of " + Dialect.names()));
        }
    }

    static final class DelayConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Propagation.parseDelay(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SizeConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.strip().toUpperCase(java.util.Locale.ROOT);
            long factor = 1;
            if (v.endsWith("MB")) {
                factor = 1024L * 1024;
                v = v.substring(0, v.length() - 2);
            } else if (v.endsWith("KB")) {
                factor = 1024;
                v = v.substring(0, v.length() - 2);
            } else if (v.endsWith("B")) {
                v = v.substring(0, v.length() - 1);
            }
            try {
                long bytes = Long.parseLong(v.strip()) * factor;
                if (bytes < 1024 || bytes > Integer.MAX_VALUE) {
                    throw new CommandLine.TypeConversionException("'" + value + "' must be between 1KB and 2047MB");
                }
                return (int) bytes;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size; write e.g. 35MB, 512KB or 1048576");
            }
        }
    }
}
