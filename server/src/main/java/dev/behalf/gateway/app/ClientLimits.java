package dev.behalf.gateway.app;

import dev.behalf.policy.signin.ConnectionCaps;
import dev.behalf.policy.signin.SignInThrottle;

import java.util.Objects;

/**
 * What one client may take of a Behalf: connections to each listener (SMTP, IMAP, POP3), in all and from
 * one address, and how guessing passwords is slowed on every sign-in surface.
 *
 * @param maxConnections      sessions each listener holds at once (default 500)
 * @param maxConnectionsPerIp sessions each listener holds from one address, IPv6 per /64 (default 100)
 * @param signInThrottle      the sign-in throttle's numbers ({@link SignInThrottle.Limits#DEFAULTS})
 */
public record ClientLimits(int maxConnections, int maxConnectionsPerIp, SignInThrottle.Limits signInThrottle) {
    public static final ClientLimits DEFAULTS = new ClientLimits(ConnectionCaps.DEFAULT_TOTAL, ConnectionCaps.DEFAULT_PER_CLIENT,
            SignInThrottle.Limits.DEFAULTS);

    public ClientLimits {
        Objects.requireNonNull(signInThrottle, "signInThrottle");
        if (maxConnections < 1 || maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("--max-connections (" + maxConnections + ") and --max-connections-per-ip ("
                    + maxConnectionsPerIp + ") must be at least 1");
        }
    }
}
