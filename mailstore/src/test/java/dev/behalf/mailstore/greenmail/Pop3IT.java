package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POP3 sign-in, retrieval and deletion over real sockets. */
class Pop3IT extends StartedDemoStore {
    @BeforeEach
    void deliverTwoToAyla() {
        for (String s : new String[]{"first", "second"}) {
            store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", s), Placement.inbox(ayla)));
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private int count(Properties p, String user) throws Exception {
        try (Store s = JakartaMail.connect(p, "pop3", user, Cast.PASSWORD)) {
            Folder inbox = s.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = inbox.getMessageCount();
            inbox.close(false);
            return n;
        }
    }

    @Test
    void ownersAndDelegatesSignInWithUserAndPass() throws Exception {
        Properties p = JakartaMail.pop3(store.pop3Port());
        p.setProperty("mail.pop3.auth.mechanisms", "LOGIN");  // Angus's name for USER/PASS
        assertEquals(2, count(p, "ayla@contoso.com"));
        assertEquals(2, count(p, "jimh\\ayla"));
        assertEquals(0, count(p, "CONTOSO\\jimh"));
        assertThrows(AuthenticationFailedException.class, () -> count(p, "terrya\\ayla"));
        assertThrows(AuthenticationFailedException.class, () -> count(p, "helpdesktickets"));
    }

    @Test
    void authPlainWithAnAuthorizationIdentityOpensTheDelegatedMailbox() throws Exception {
        Properties p = JakartaMail.pop3(store.pop3Port());
        p.setProperty("mail.pop3.auth.mechanisms", "PLAIN");  // Angus tries USER/PASS first otherwise
        p.setProperty("mail.pop3.sasl.authorizationid", "Ayla Kol");
        assertEquals(2, count(p, "jimh@contoso.com"));
        p.setProperty("mail.pop3.sasl.authorizationid", "terrya");
        assertThrows(AuthenticationFailedException.class, () -> count(p, "jimh@contoso.com"));
    }

    @Test
    void everyRefusalReadsExactlyLikeAWrongPassword() throws Exception {
        try (Transcript t = new Transcript(store.pop3Port())) {
            assertEquals("+OK Behalf POP3 service ready", t.greeting);
            assertEquals("+OK Capability list follows", t.pop3("CAPA"));
            StringBuilder capa = new StringBuilder();
            for (String l = t.line(); !l.equals("."); l = t.line()) {
                capa.append(l).append('\n');
            }
            assertEquals("USER\nTOP\nUIDL\nSASL PLAIN XOAUTH2\n", capa.toString());
            String[][] attempts = {{"ayla", "wrong"}, {"terrya\\ayla", "P@ssw0rd"}, {"nobody", "P@ssw0rd"},
                    {"helpdesktickets", "P@ssw0rd"}, {"jimh\\nobody", "P@ssw0rd"}};
            for (String[] a : attempts) {
                assertEquals("+OK", t.pop3("USER " + a[0]), "USER never tells whether the name exists");
                assertEquals(Pop3SignIn.SIGN_IN_FAILED, t.pop3("PASS " + a[1]), a[0]);
            }
            assertEquals(Pop3SignIn.SIGN_IN_FAILED, t.pop3("AUTH PLAIN " + b64("\0ayla\0wrong")));
            assertEquals(Pop3SignIn.SIGN_IN_FAILED, t.pop3("AUTH PLAIN " + b64("ayla\0terrya\0P@ssw0rd")));
            assertEquals("-ERR USER required", t.pop3("PASS P@ssw0rd"));
            assertEquals("+ ", t.pop3("AUTH PLAIN"));
            assertEquals("+OK", t.pop3(b64("ayla\0jimh\0P@ssw0rd")));
            assertTrue(t.pop3("STAT").startsWith("+OK 2 "));
        }
    }

    @Test
    void messagesDeletedInAPop3SessionAreGoneWhenItQuits() throws Exception {
        try (Transcript t = new Transcript(store.pop3Port())) {
            assertEquals("+OK", t.pop3("USER jimh\\ayla"));
            assertEquals("+OK", t.pop3("PASS " + Cast.PASSWORD));
            assertTrue(t.pop3("DELE 1").startsWith("+OK"));
            assertEquals(2, store.list(ayla, Folders.INBOX).size(), "DELE takes effect at QUIT (RFC 1939)");
            assertEquals("+OK Behalf POP3 server signing off", t.pop3("QUIT"));
        }
        assertEquals(1, store.list(ayla, Folders.INBOX).size());
    }

    /** A reply as sent: its status line, and for a RETR or TOP that succeeds the lines up to the terminating dot line. */
    private static String reply(InputStream in, OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        StringBuilder got = new StringBuilder(line(in));
        if (got.toString().startsWith("+OK") && (command.startsWith("RETR") || command.startsWith("TOP"))) {
            while (!got.toString().endsWith("\r\n.\r\n")) {
                got.append(line(in));
            }
        }
        return got.toString();
    }

    /** One line, its line end included, each octet a character. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return line.toString();
    }

    /**
     * RETR and TOP send the stored octets: GreenMail's trimmed the message, so white space it began with and
     * the blank lines and spaces it ended with were lost. Lines starting with a dot are stuffed, once.
     */
    @Test
    void retrAndTopSendTheStoredOctetsDotStuffed() throws Exception {
        String header = "From: terrya@contoso.com\r\nSubject: dots\r\n\r\n";
        String body = ".starts with a dot\r\n..two dots\r\nthird line  \r\n\r\n\r\n";
        store.deliver(Demo.delivery((header + body).getBytes(StandardCharsets.ISO_8859_1), Placement.inbox(ayla)));
        String stuffedBody = "..starts with a dot\r\n...two dots\r\nthird line  \r\n\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), store.pop3Port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            line(in);
            assertEquals("+OK\r\n", reply(in, out, "USER jimh\\ayla"));
            assertEquals("+OK\r\n", reply(in, out, "PASS " + Cast.PASSWORD));
            int size = (header + body).length();
            assertEquals("+OK " + size + " octets\r\n" + header + stuffedBody + ".\r\n", reply(in, out, "RETR 3"));
            assertEquals("+OK\r\n" + header + ".\r\n", reply(in, out, "TOP 3 0"));
            assertEquals("+OK\r\n" + header + "..starts with a dot\r\n...two dots\r\n.\r\n", reply(in, out, "TOP  3  2"));
            assertEquals("+OK\r\n" + header + stuffedBody + ".\r\n", reply(in, out, "TOP 3 99"));
            assertEquals("-ERR no such message\r\n", reply(in, out, "RETR 4"));
            assertEquals("-ERR 'x' is not a message number\r\n", reply(in, out, "RETR x"));
            assertEquals("-ERR RETR takes one message number\r\n", reply(in, out, "RETR"));
            assertEquals("-ERR TOP takes a message number and a number of lines\r\n", reply(in, out, "TOP 3"));
            assertTrue(reply(in, out, "DELE 3").startsWith("+OK"));
            assertEquals("-ERR message 3 is deleted\r\n", reply(in, out, "RETR 3"));
        }
    }
}
