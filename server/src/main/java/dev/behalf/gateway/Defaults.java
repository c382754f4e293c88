package dev.behalf.gateway;

import dev.behalf.policy.reply.Dialect;
import dev.behalf.policy.signin.ConnectionCaps;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The documented defaults of a Behalf server, in one place: {@code Behalf.builder()}, the submission
 * server's settings and {@code behalf serve}'s options take them from here, and the README's option
 * table quotes them (a test holds the README and {@code serve --help} to these values). The text
 * constants are compile-time constants so that picocli's annotations can use them.
 */
public final class Defaults {
    public static final String CONFIG_DIR = "config";
    /** Every listener binds loopback unless told otherwise. */
    public static final String BIND_ADDRESS = "127.0.0.1";
    public static final String HOST_NAME = "localhost";
    public static final int SMTP_PORT = 2525;
    public static final int IMAP_PORT = 2143;
    public static final int POP3_PORT = 2110;
    public static final int HTTP_PORT = 8025;
    public static final String DIALECT = "exchange-online";
    /** Exchange Online's default message size limit. */
    public static final int MAX_MESSAGE_SIZE_MB = 35;
    public static final int MAX_MESSAGE_SIZE = MAX_MESSAGE_SIZE_MB * 1024 * 1024;
    /** Exchange Online's default recipient limit. */
    public static final int MAX_RECIPIENTS = 500;
    public static final int IDLE_TIMEOUT_SECONDS = 300;
    /** Exchange's receive connector ConnectionTimeout. */
    public static final int SESSION_TIMEOUT_SECONDS = 600;
    public static final int DECISION_LOG_CAPACITY = 100_000;
    /** Sessions each of SMTP, IMAP and POP3 holds at once, and from one client address. */
    public static final int MAX_CONNECTIONS = ConnectionCaps.DEFAULT_TOTAL;
    public static final int MAX_CONNECTIONS_PER_IP = ConnectionCaps.DEFAULT_PER_CLIENT;

    private Defaults() {
    }

    public static InetAddress bindAddress() {
        try {
            return InetAddress.getByName(BIND_ADDRESS); // a literal address: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(BIND_ADDRESS + " is not an address", e);
        }
    }

    public static Dialect dialect() {
        return Dialect.byName(DIALECT).orElseThrow(() -> new IllegalStateException(DIALECT + " is not a dialect"));
    }
}
