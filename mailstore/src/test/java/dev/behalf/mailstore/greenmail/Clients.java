package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.JakartaMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import java.util.Properties;

/**
 * Angus IMAP stores signed in to a started store (the properties are {@link JakartaMail}'s, raw
 * transcripts {@code dev.behalf.fixtures.Transcript}).
 */
final class Clients {
    private Clients() {
    }

    /** Connects with Angus; AUTHENTICATE PLAIN by default (the server advertises AUTH=PLAIN). */
    static Store imap(GreenMailStore store, String user, String password) throws MessagingException {
        return JakartaMail.connect(JakartaMail.imap(store.imapPort()), "imap", user, password);
    }

    /** Connects with Angus using the IMAP LOGIN command. */
    static Store imapLogin(GreenMailStore store, String user, String password) throws MessagingException {
        Properties p = JakartaMail.imap(store.imapPort());
        p.setProperty("mail.imap.auth.plain.disable", "true");
        return JakartaMail.connect(p, "imap", user, password);
    }
}
