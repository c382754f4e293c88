package dev.behalf.gateway.ui;

import dev.behalf.gateway.junit.BehalfExtension;

/**
 * The web UI of the Behalf a browser test class started, read when used (the extension starts it
 * after the class's static fields are set): its page addresses and a demo mail client.
 */
final class Ui {
    private final BehalfExtension server;

    Ui(BehalfExtension server) {
        this.server = server;
    }

    /** A Jakarta Mail client signing in to this Behalf's submission port. */
    Mail mail() {
        return new Mail(server.smtpPort());
    }

    /** {@code http://127.0.0.1:port/} and then {@code path}, a hash route such as {@code #/mail/...}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.httpPort() + "/" + path;
    }
}
