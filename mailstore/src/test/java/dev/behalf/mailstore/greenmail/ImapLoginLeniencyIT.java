package dev.behalf.mailstore.greenmail;

import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IMAP LOGIN as Exchange reads it (issue 13): {@code delegate\mailbox} as an atom, as Python's imaplib
 * sends it, next to the quoted and literal forms; a backslash anywhere else keeps RFC 3501's meaning; the
 * arguments are UTF-8.
 */
class ImapLoginLeniencyIT {
    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void start() {
        live = Demo.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", "ayla@contoso.com", "for ayla"),
                Placement.inbox(Demo.mailbox(live, "ayla"))));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** Signs in with the raw LOGIN arguments given and returns the tagged reply, then what INBOX holds. */
    private List<String> login(String arguments) throws Exception {
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            String reply = t.tagged("a1", "LOGIN " + arguments);
            if (!reply.equals("a1 OK LOGIN completed.")) {
                return List.of(reply);
            }
            t.tagged("a2", "SELECT INBOX");
            List<String> fetched = t.imap("a3", "FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            return List.of(reply, String.join("|", fetched.stream().filter(l -> l.startsWith("Subject:")).toList()));
        }
    }

    @Test
    void aDelegateMailboxLoginIsAcceptedAsAnAtom() throws Exception {
        List<String> opened = List.of("a1 OK LOGIN completed.", "Subject: for ayla");
        assertEquals(opened, login("jimh\\ayla P@ssw0rd"));
        assertEquals(opened, login("jimh@contoso.com\\ayla@contoso.com \"P@ssw0rd\""));
        assertEquals(opened, login("CONTOSO\\jimh\\ayla P@ssw0rd"));
        assertEquals(opened, login("\"jimh\\\\ayla\" P@ssw0rd"), "the quoted form still works");
        assertEquals(opened, login("\"jimh\\\\Ayla Kol\" P@ssw0rd"));
        assertEquals(List.of("a1 NO LOGIN failed."), login("terrya\\ayla P@ssw0rd"), "the grant still decides");
    }

    @Test
    void aBackslashKeepsItsMeaningEverywhereElse() throws Exception {
        assertEquals(List.of("a1 BAD Invalid character: '\\'"), login("ayla P@ss\\w0rd"), "not in the password atom");
        assertEquals(List.of("a1 BAD Invalid escaped character in quote: 'a'"), login("\"jimh\\ayla\" P@ssw0rd"),
                "inside quotes a backslash escapes, as RFC 3501 says");
        assertEquals(List.of("a1 BAD Invalid character: '\"'"), login("ji\"mh P@ssw0rd"));
        assertEquals(List.of("a1 BAD Invalid character: '('"), login("jimh\\(ayla P@ssw0rd"));
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN jimh\\ayla P@ssw0rd"));
            assertEquals("a2 BAD Invalid character: '\\' Command should be '<tag> SELECT mailbox'", t.tagged("a2", "SELECT IN\\BOX"), "other commands keep GreenMail's strict parser");
            assertTrue(t.tagged("a3", "SELECT INBOX").startsWith("a3 OK"));
            assertTrue(t.tagged("a4", "STORE 1 +FLAGS (\\Seen)").startsWith("a4 OK"), "flags keep their backslash");
        }
    }

    @Test
    void argumentsAreUtf8() throws Exception {
        Demo.put(live, Demo.recipient(live.current(), "ayla").toBuilder().password(Secret.of("pässwörd")).build(), "Set-Mailbox ayla");
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla \"pässwörd\""));
        }
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            byte[] pw = "pässwörd".getBytes(StandardCharsets.UTF_8);
            t.write(("a1 LOGIN ayla {" + pw.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            t.write(pw);
            t.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("a1 OK LOGIN completed.", t.line());
        }
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            String plain = Base64.getEncoder().encodeToString("\0ayla\0pässwörd".getBytes(StandardCharsets.UTF_8));
            assertEquals("a1 OK AUTHENTICATE completed.", t.tagged("a1", "AUTHENTICATE PLAIN " + plain));
        }
        try (Clients.Transcript t = new Clients.Transcript(store.imapPort())) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.writeBytes("a1 LOGIN ayla \"p".getBytes(StandardCharsets.US_ASCII));
            raw.write(0xC3);
            raw.write('(');
            raw.writeBytes("\"\r\n".getBytes(StandardCharsets.US_ASCII));
            t.write(raw.toByteArray());
            assertEquals("a1 NO LOGIN failed.", t.line(), "malformed UTF-8 fails like a wrong password");
        }
    }
}
