package dev.behalf.mailstore.greenmail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.util.Properties;

/** Real clients against a started store: Angus IMAP/POP3 stores (raw transcripts are {@code dev.behalf.fixtures.Transcript}). */
final class Clients {
    private Clients() {
    }

    static Properties imapProperties(int port) {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(port));
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "10000");
        return p;
    }

    static Properties pop3Properties(int port) {
        Properties p = new Properties();
        p.setProperty("mail.pop3.host", "127.0.0.1");
        p.setProperty("mail.pop3.port", String.valueOf(port));
        p.setProperty("mail.pop3.connectiontimeout", "10000");
        p.setProperty("mail.pop3.timeout", "10000");
        return p;
    }

    /** Connects with Angus; AUTHENTICATE PLAIN by default (the server advertises AUTH=PLAIN). */
    static Store imap(GreenMailStore store, String user, String password) throws MessagingException {
        return connect(imapProperties(store.imapPort()), "imap", user, password);
    }

    /** Connects with Angus using the IMAP LOGIN command. */
    static Store imapLogin(GreenMailStore store, String user, String password) throws MessagingException {
        Properties p = imapProperties(store.imapPort());
        p.setProperty("mail.imap.auth.plain.disable", "true");
        return connect(p, "imap", user, password);
    }

    static Store connect(Properties p, String protocol, String user, String password) throws MessagingException {
        Store s = Session.getInstance(p).getStore(protocol);
        s.connect(user, password);
        return s;
    }
}
