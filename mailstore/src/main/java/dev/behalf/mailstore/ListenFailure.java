package dev.behalf.mailstore;

import java.net.InetAddress;

/**
 * The one wording for a listener that can't bind (IMAP and POP3 here, SMTP and HTTP in the server), so
 * that every port in use reads the same at start: what, where, why, and what to do.
 */
public final class ListenFailure {
    private ListenFailure() {
    }

    /**
     * {@code could not listen for SMTP on 127.0.0.1:2525 (Address already in use); is the port in use? ...};
     * {@code why} is left out when null.
     */
    public static IllegalStateException of(String protocol, InetAddress address, int port, String why, Throwable cause) {
        return new IllegalStateException("could not listen for " + protocol + " on " + address.getHostAddress() + ":" + port
                + (why == null ? "" : " (" + why + ")") + "; is the port in use? Choose another, or 0 for any free port", cause);
    }
}
