package dev.behalf.gateway.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names this server answers to, checked against each request's {@code Host} so that a page whose
 * own name was re-pointed at 127.0.0.1 (DNS rebinding) is not served: {@code localhost}, any
 * 127.0.0.0/8 address, {@code [::1]}, the configured {@code --hostname}, and the address the
 * connection reached (the bound address, or for a wildcard bind the interface's). Any port goes with
 * those names: a rebinding page controls only the name, and published container ports
 * ({@code -p 18025:8025}) arrive under another port. Immutable.
 */
final class ServerNames {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");
    private static final Pattern REG_NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private final String hostName;
    private final Optional<InetAddress> bound;

    ServerNames(String hostName, InetAddress bound) {
        this.hostName = hostName.toLowerCase(Locale.ROOT);
        this.bound = bound.isAnyLocalAddress() ? Optional.empty() : Optional.of(bound);
    }

    /**
     * A parsed {@code host [":" port]} (RFC 9110 §7.2): the host lower-cased, an IPv6 literal without
     * its brackets and as an address; {@code port} -1 when absent.
     */
    record Authority(String host, Optional<InetAddress> address, int port) {
        int effectivePort() {
            return port < 0 ? 80 : port;
        }

        boolean sameAs(Authority other) {
            boolean sameHost = address.isPresent() && other.address.isPresent()
                    ? address.get().equals(other.address.get()) : host.equals(other.host);
            return sameHost && effectivePort() == other.effectivePort();
        }

        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return port < 0 ? h : h + ":" + port;
        }
    }

    /** A {@code Host} or origin authority this server can't read; answered 400. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static Authority parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new Malformed("'" + value + "' opens an IPv6 literal with '[' and never closes it");
            }
            host = v.substring(1, close);
            String rest = v.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new Malformed("'" + value + "' has '" + rest + "' after its IPv6 literal; only ':port' may follow");
                }
                port = rest.substring(1);
            }
            if (!IPV6.matcher(host).matches() || !host.contains(":") || host.startsWith(".")) {
                throw new Malformed("'" + host + "' in '" + value + "' is not an IPv6 address");
            }
        } else {
            int colon = v.indexOf(':');
            host = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? null : v.substring(colon + 1);
            if (!REG_NAME.matcher(host).matches()) {
                throw new Malformed("'" + value + "' is not host[:port]: a name of letters, digits, '-' and '.', "
                        + "an IPv4 address, or an IPv6 address in brackets");
            }
        }
        int p = -1;
        if (port != null && !port.isEmpty()) {
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
                throw new Malformed("the port in '" + value + "' is not a number from 0 to 65535");
            }
            p = Integer.parseInt(port);
        }
        return new Authority(host, literal(host), p);
    }

    /** The address an IP literal spells; empty for a name. Never resolves a name. */
    private static Optional<InetAddress> literal(String host) {
        Matcher m = IPV4.matcher(host);
        boolean v4 = m.matches() && List.of(m.group(1), m.group(2), m.group(3), m.group(4)).stream()
                .allMatch(o -> Integer.parseInt(o) <= 255);
        if (!v4 && !host.contains(":")) {
            return Optional.empty();
        }
        try {
            // Only literals get here (digits and dots, or hex and colons): getByName parses them without DNS.
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            throw new Malformed("'" + host + "' is not an IP address");
        }
    }

    /** Whether this authority names this server, for a connection that reached {@code local}. */
    boolean names(Authority a, InetAddress local) {
        if (a.host().equals("localhost") || a.host().equals(hostName)) {
            return true;
        }
        if (a.address().isEmpty()) {
            return false;
        }
        InetAddress ip = a.address().get();
        boolean loopback = ip instanceof Inet4Address ? ip.getAddress()[0] == 127 : ip.isLoopbackAddress();
        return loopback || ip.equals(local) || bound.map(ip::equals).orElse(false);
    }

    /** The names, for an error that says what would have worked. */
    String describe(InetAddress local) {
        List<String> out = new ArrayList<>(List.of("localhost", "127.0.0.1 (any 127.x.y.z)", "[::1]"));
        if (!hostName.equals("localhost")) {
            out.add(hostName + " (--hostname)");
        }
        for (InetAddress a : bound.isPresent() ? List.of(bound.get(), local) : List.of(local)) {
            String text = HttpServer.hostForUrl(a);
            if (!a.isLoopbackAddress() && out.stream().noneMatch(x -> x.startsWith(text))) {
                out.add(text);
            }
        }
        return String.join(", ", out);
    }
}
