package dev.behalf.gateway.app;

import dev.behalf.policy.signin.BasicAuth;

import dev.behalf.policy.directory.Directory;
import dev.behalf.policy.reply.Dialect;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import dev.behalf.gateway.faults.FaultRule;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a Behalf is started with. Built through {@link Behalf.Builder}, whose defaults are
 * the documented ones ({@link dev.behalf.gateway.Defaults}).
 *
 * @param directory      a directory to use instead of loading {@code configDir}
 * @param dataDir        where mail and directory changes persist; empty = in memory
 * @param allowPlainAuth allow AUTH without TLS on a listener bound beyond loopback
 * @param clientLimits   connection caps and the sign-in throttle
 * @param webhook        where each decision record is POSTed as JSON; {@code webhookQueue} records may
 *                       wait for it (more are dropped and counted), each post bounded by {@code webhookTimeout}
 * @param basicAuth      {@code --basic-auth}: whether SMTP takes PLAIN and LOGIN (enabled, disabled, retired)
 * @param propagationDelay how long a grant change takes to be in force (zero: at once), as in Exchange Online
 * @param faults         the fault rules the server starts with (and {@code /api/reset} returns to)
 * @param clock          the one clock of the server: propagation times, decision record times, token lifetimes
 */
public record BehalfOptions(Path configDir, Optional<Directory> directory, InetAddress bindAddress, String hostName,
                            int smtpPort, OptionalInt smtpsPort, int imapPort, int pop3Port, int httpPort,
                            Optional<Path> dataDir, Dialect dialect, int maxMessageSize, int maxRecipients,
                            boolean enforceEnvelope, Optional<String> adminToken, Optional<Path> tlsKeystore,
                            Optional<String> tlsKeystorePassword, boolean allowPlainAuth, Duration idleTimeout,
                            Duration sessionTimeout, int decisionLogCapacity, ClientLimits clientLimits, Optional<URI> webhook,
                            int webhookQueue, Duration webhookTimeout, BasicAuth basicAuth, Duration propagationDelay,
                            List<FaultRule> faults, Clock clock) {

    public BehalfOptions {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(clientLimits, "clientLimits");
        Objects.requireNonNull(basicAuth, "basicAuth");
        for (int port : new int[] {smtpPort, imapPort, pop3Port, httpPort, smtpsPort.orElse(0)}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ports are 0..65535 (0 picks a free one): " + port);
            }
        }
        for (Duration d : new Duration[] {idleTimeout, sessionTimeout}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("the idle and session timeouts must be positive: " + d);
            }
        }
        if (webhookTimeout == null || webhookTimeout.isZero() || webhookTimeout.isNegative()) {
            throw new IllegalArgumentException("the webhook timeout must be positive: " + webhookTimeout);
        }
        if (webhookQueue < 1) {
            throw new IllegalArgumentException("the webhook queue holds at least 1 record: " + webhookQueue);
        }
        adminToken = adminToken.filter(t -> !t.isBlank());
        if (propagationDelay == null || propagationDelay.isNegative()) {
            throw new IllegalArgumentException("the propagation delay is zero (at once) or positive: " + propagationDelay);
        }
        faults = List.copyOf(faults);
        Objects.requireNonNull(clock, "clock");
    }

    /** Whether the listeners are reachable from other machines. */
    public boolean exposed() {
        return !bindAddress.isLoopbackAddress();
    }
}
