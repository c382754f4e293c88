package dev.behalf.mailstore.greenmail;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.fixtures.Transcript;
import dev.behalf.mailstore.Demo;
import dev.behalf.mailstore.Placement;
import dev.behalf.mailstore.core.Tokens;
import dev.behalf.policy.change.LiveDirectory;
import dev.behalf.policy.directory.AccessControl;
import dev.behalf.policy.directory.Secret;
import dev.behalf.policy.seed.Cast;
import dev.behalf.policy.seed.DemoDirectory;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IMAP sign-in over real sockets: owners, Full Access delegates, refusals, the box boundary, LOGIN's leniency. */
class ImapSignInIT {
    private LiveDirectory live;
    private GreenMailStore store;

    @BeforeEach
    void start() {
        live = DemoDirectory.live();
        store = GreenMailStore.builder(live).imapPort(0).pop3Port(0).build().start();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void deliverTo(String mailbox, String subject) {
        // Full addresses: GreenMail writes an address without a domain as (NIL NIL NIL NIL) in ENVELOPE,
        // which IMAP reads as the end of a group, and clients then fail to load the envelope.
        store.deliver(Demo.delivery(Demo.message("terrya@contoso.com", mailbox + "@contoso.com", subject),
                Placement.inbox(Demo.mailbox(live, mailbox))));
    }

    /** Signs in, opens INBOX and returns its subjects. */
    private static List<String> inbox(Store s) throws Exception {
        try (s) {
            Folder inbox = s.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new java.util.ArrayList<>();
            for (jakarta.mail.Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }

    private void refused(String login) {
        assertThrows(AuthenticationFailedException.class, () -> Clients.imap(store, login, Cast.PASSWORD), "AUTHENTICATE as " + login);
        assertThrows(AuthenticationFailedException.class, () -> Clients.imapLogin(store, login, Cast.PASSWORD), "LOGIN as " + login);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theGreetingAndCapabilityAdvertiseAuthPlain() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            assertTrue(t.greeting.startsWith("* OK [CAPABILITY IMAP4rev1 "), t.greeting);
            List<String> lines = t.imap("a1", "CAPABILITY");
            assertEquals(List.of("* CAPABILITY " + ImapConnection.CAPABILITIES, "a1 OK CAPABILITY completed."), lines);
            assertTrue(ImapConnection.CAPABILITIES.contains(" AUTH=PLAIN"));
        }
    }

    /**
     * The connection picks who answers a command by GreenMail's own reading of the line: a long tag and
     * runs of spaces, which GreenMail's parser takes, reach Behalf's sign-in and CAPABILITY, not GreenMail's
     * (whose LOGIN fails for everyone, its registry being closed, and whose CAPABILITY lists other things).
     */
    @Test
    void aLongTagAndExtraSpacesStillReachBehalfsSignInAndCapability() throws Exception {
        String tag = "t".repeat(300);
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals(List.of("* CAPABILITY " + ImapConnection.CAPABILITIES, tag + " OK CAPABILITY completed."),
                    t.imap(tag, "  capability"));
            assertEquals(tag + " OK LOGIN completed.", t.tagged(tag, "   login   jimh\\ayla " + Cast.PASSWORD));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ayla@contoso.com", "ayla", "AYLA", "CONTOSO\\ayla", "contoso.com\\ayla"})
    void anOwnerSignsInByEveryLoginFormWithLoginAndAuthenticate(String login) throws Exception {
        deliverTo("ayla", "for ayla");
        assertEquals(List.of("for ayla"), inbox(Clients.imapLogin(store, login, Cast.PASSWORD)));
        assertEquals(List.of("for ayla"), inbox(Clients.imap(store, login, Cast.PASSWORD)));
    }

    @Test
    void aLinkedMailboxOwnerSignsInWithTheForeignAccount() throws Exception {
        deliverTo("patc", "for pat");
        assertEquals(List.of("for pat"), inbox(Clients.imapLogin(store, "FABRIKAM\\patc", Cast.PASSWORD)));
    }

    @Test
    void aWrongPasswordAndAccountsThatCannotSignInAreRefused() {
        assertThrows(AuthenticationFailedException.class, () -> Clients.imap(store, "ayla", "wrong"));
        refused("helpdesktickets@contoso.com");
        refused("confroom1");
        refused("leeg");
        refused("buildsvc");
    }

    @Test
    void aDelegateWithADirectGrantOpensTheMailbox() throws Exception {
        deliverTo("ayla", "for ayla");
        assertEquals(List.of("for ayla"), inbox(Clients.imap(store, "jimh\\ayla", Cast.PASSWORD)));
        assertEquals(List.of("for ayla"), inbox(Clients.imapLogin(store, "jimh@contoso.com\\Ayla Kol", Cast.PASSWORD)));
        assertEquals(List.of(), inbox(Clients.imap(store, "jimh", Cast.PASSWORD)), "the delegate's own mailbox is separate");
    }

    @Test
    void aGrantToANestedSecurityGroupLetsItsMembersIn() throws Exception {
        DemoDirectory.fullAccess(live, "Helpdesk Tickets", "Escalation", AccessControl.Allow);
        deliverTo("helpdesktickets", "ticket 1");
        assertEquals(List.of("ticket 1"), inbox(Clients.imap(store, "ayla\\Helpdesk Tickets", Cast.PASSWORD)));
        assertEquals(List.of("ticket 1"), inbox(Clients.imapLogin(store, "jimh\\helpdesktickets@contoso.com", Cast.PASSWORD)));
        refused("terrya\\Helpdesk Tickets");
    }

    @Test
    void withoutAGrantTheDelegateIsRefused() {
        refused("terrya\\ayla");
        refused("jimh\\nobody");
    }

    @Test
    void aDenyIsRefused() throws Exception {
        DemoDirectory.fullAccess(live, "Helpdesk Tickets", "Helpdesk", AccessControl.Allow);
        DemoDirectory.fullAccess(live, "Helpdesk Tickets", "jimh", AccessControl.Deny);
        refused("jimh\\Helpdesk Tickets");
        inbox(Clients.imap(store, "ayla\\Helpdesk Tickets", Cast.PASSWORD));
    }

    @Test
    void aMailboxHiddenFromAddressListsIsRefused() {
        DemoDirectory.fullAccess(live, "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}", "estherv", AccessControl.Allow);
        refused("estherv\\DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}");
    }

    @Test
    void aRemovedGrantIsRefusedAtTheNextSignIn() throws Exception {
        inbox(Clients.imap(store, "jimh\\ayla", Cast.PASSWORD));
        DemoDirectory.removeFullAccess(live, "ayla", "Jim Hance");
        refused("jimh\\ayla");
    }

    @Test
    void authenticatePlainWithAnAuthorizationIdentityOpensTheMailbox() throws Exception {
        deliverTo("ayla", "for ayla");
        Properties p = JakartaMail.imap(store.imapPort());
        p.setProperty("mail.imap.sasl.authorizationid", "ayla@contoso.com");
        assertEquals(List.of("for ayla"), inbox(JakartaMail.connect(p, "imap", "jimh", Cast.PASSWORD)));
        p.setProperty("mail.imap.sasl.authorizationid", "Terry Adams");
        assertThrows(AuthenticationFailedException.class, () -> JakartaMail.connect(p, "imap", "jimh", Cast.PASSWORD));
    }

    @Test
    void everyRefusalReadsExactlyLikeAWrongPassword() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            String[] logins = {"ayla@contoso.com wrong", "\"terrya\\\\ayla\" P@ssw0rd", "\"jimh\\\\nobody\" P@ssw0rd",
                    "helpdesktickets P@ssw0rd", "nobody P@ssw0rd", "leeg P@ssw0rd"};
            for (int i = 0; i < logins.length; i++) {
                assertEquals("a" + i + " NO LOGIN failed.", t.tagged("a" + i, "LOGIN " + logins[i]), logins[i]);
            }
            String[] plains = {"\0ayla\0wrong", "ayla\0terrya\0P@ssw0rd", "\0terrya\\ayla\0P@ssw0rd", "nobody\0jimh\0P@ssw0rd",
                    "\0helpdesktickets\0P@ssw0rd"};
            for (int i = 0; i < plains.length; i++) {
                assertEquals("b" + i + " NO AUTHENTICATE failed.", t.tagged("b" + i, "AUTHENTICATE PLAIN " + b64(plains[i])));
            }
            t.send("c1 AUTHENTICATE PLAIN");
            assertEquals("+ ", t.line());
            t.send(b64("ayla@contoso.com\0jimh\0P@ssw0rd"));
            assertEquals("c1 OK AUTHENTICATE completed.", t.line());
            assertEquals("c2 NO LOGIN failed. Command not valid in this state", t.tagged("c2", "LOGIN ayla P@ssw0rd"));
        }
    }

    @Test
    void anAuthenticateExchangeCanBeCancelled() throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            t.send("a1 AUTHENTICATE PLAIN");
            assertEquals("+ ", t.line());
            t.send("*");
            assertEquals("a1 BAD AUTHENTICATE cancelled.", t.line());
            assertEquals("a2 NO AUTHENTICATE failed. Unsupported authentication mechanism CRAM-MD5",
                    t.tagged("a2", "AUTHENTICATE CRAM-MD5"));
            // GreenMail's own XOAUTH2 takes any token; Behalf's SignIn decides it, and "x" is no token.
            assertEquals("a4 NO AUTHENTICATE failed.",
                    t.tagged("a4", "AUTHENTICATE XOAUTH2 " + b64("user=ayla\u0001auth=Bearer x\u0001\u0001")));
            assertEquals("a3 OK LOGIN completed.", t.tagged("a3", "LOGIN ayla P@ssw0rd"));
        }
    }

    @Test
    void aSessionCannotReachAnotherBoxByAnAbsoluteFolderName() throws Exception {
        deliverTo("terrya", "terry's secret");
        String terryInbox = "\"#mail." + Tokens.of(Demo.mailbox(live, "terrya")) + ".INBOX\"";
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla P@ssw0rd"));
            assertTrue(t.tagged("a2", "SELECT " + terryInbox).startsWith("a2 NO"));
            assertTrue(t.tagged("a3", "STATUS " + terryInbox + " (MESSAGES)").startsWith("a3 NO"));
            assertEquals(List.of("a4 OK LIST completed."), t.imap("a4", "LIST \"\" \"#mail.*\""));
            assertTrue(t.tagged("a5", "CREATE \"#mail.x\"").startsWith("a5 NO"));
            List<String> mine = t.imap("a6", "LIST \"\" \"*\"");
            assertEquals(List.of("* LIST () \".\" \"INBOX\"", "* LIST () \".\" \"Sent Items\"", "a6 OK LIST completed."), mine);
        }
    }

    @Test
    void portZeroBindsAFreePortOnLoopback() {
        assertTrue(store.imapPort() > 0 && store.pop3Port() > 0 && store.imapPort() != store.pop3Port());
        assertEquals("127.0.0.1", store.bindAddress().getHostAddress());
        assertThrows(IllegalStateException.class, () -> GreenMailStore.builder(live).imapPort(store.imapPort()).pop3Port(0).build().start());
    }

    @Test
    void aStoreNotYetStartedHasNoPorts() {
        try (GreenMailStore idle = GreenMailStore.builder(live).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, idle::imapPort);
            assertEquals("start() the store before asking for its ports", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GreenMailStore.builder(live).imapPort(2000).pop3Port(2000).build());
    }

    @Test
    void aClientSilentLongerThanTheClientSocketTimeoutIsDropped() throws Exception {
        try (GreenMailStore impatient = GreenMailStore.builder(live).imapPort(0).pop3Port(0)
                .clientSocketTimeout(java.time.Duration.ofMillis(200)).build().start();
             Transcript t = new Transcript(impatient.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla " + Cast.PASSWORD));
            // The reader blocks (up to its own 10 s timeout) until the server closes the idle connection.
            assertEquals(null, t.line());
        }
    }

    /** Signs in with the raw LOGIN arguments given and returns the tagged reply, then INBOX's subjects. */
    private List<String> login(String arguments) throws Exception {
        try (Transcript t = new Transcript(store.imapPort())) {
            String reply = t.tagged("a1", "LOGIN " + arguments);
            if (!reply.equals("a1 OK LOGIN completed.")) {
                return List.of(reply);
            }
            t.tagged("a2", "SELECT INBOX");
            List<String> fetched = t.imap("a3", "FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            return List.of(reply, String.join("|", fetched.stream().filter(l -> l.startsWith("Subject:")).toList()));
        }
    }

    // IMAP LOGIN as Exchange reads it (issue 13): delegate\mailbox as an atom, as Python's imaplib sends it,
    // next to the quoted and literal forms; a backslash anywhere else keeps RFC 3501's meaning; UTF-8 arguments.

    @Test
    void aDelegateMailboxLoginIsAcceptedAsAnAtom() throws Exception {
        deliverTo("ayla", "for ayla");
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
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN jimh\\ayla P@ssw0rd"));
            assertEquals("a2 BAD Invalid character: '\\' Command should be '<tag> SELECT mailbox'", t.tagged("a2", "SELECT IN\\BOX"), "other commands keep GreenMail's strict parser");
            assertTrue(t.tagged("a3", "SELECT INBOX").startsWith("a3 OK"));
            assertTrue(t.tagged("a4", "STORE 1 +FLAGS (\\Seen)").startsWith("a4 OK"), "flags keep their backslash");
        }
    }

    @Test
    void argumentsAreUtf8() throws Exception {
        DemoDirectory.put(live, DemoDirectory.find(live.current(), "ayla").toBuilder().password(Secret.of("pässwörd")).build(), "Set-Mailbox ayla");
        try (Transcript t = new Transcript(store.imapPort())) {
            assertEquals("a1 OK LOGIN completed.", t.tagged("a1", "LOGIN ayla \"pässwörd\""));
        }
        try (Transcript t = new Transcript(store.imapPort())) {
            byte[] pw = "pässwörd".getBytes(StandardCharsets.UTF_8);
            t.write(("a1 LOGIN ayla {" + pw.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            t.write(pw);
            t.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("a1 OK LOGIN completed.", t.line());
        }
        try (Transcript t = new Transcript(store.imapPort())) {
            String plain = Base64.getEncoder().encodeToString("\0ayla\0pässwörd".getBytes(StandardCharsets.UTF_8));
            assertEquals("a1 OK AUTHENTICATE completed.", t.tagged("a1", "AUTHENTICATE PLAIN " + plain));
        }
        try (Transcript t = new Transcript(store.imapPort())) {
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
