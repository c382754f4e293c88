package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.fixtures.Transcript;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.policy.directory.Recipient;
import dev.behalf.policy.seed.Cast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No sequence of IMAP or POP3 commands lets an account read (or write) a mailbox it has no Full Access
 * on. The demo grants Jim Hance Full Access on Ayla Kol and nothing on Terry Adams: every sign-in form
 * that opens Ayla's box for Jim (the positive control) must fail for Terry's, and once signed in to his
 * own box no folder name reaches another. Removed grants, Deny and hidden mailboxes close the door at
 * the next sign-in.
 */
class MailboxIsolationIT {
    private static final String PASSWORD = Cast.PASSWORD;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SECRET = "terry-secret-subject";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    private static void plantSecret() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("seanc", PASSWORD);
            assertTrue(s.transaction("seanc@contoso.com", "terrya@contoso.com",
                    "From: seanc@contoso.com\r\nSubject: " + SECRET + "\r\n\r\nfor Terry only\r\n").startsWith("250 "));
            assertTrue(s.transaction("seanc@contoso.com", "ayla@contoso.com",
                    "From: seanc@contoso.com\r\nSubject: for ayla\r\n\r\nhi\r\n").startsWith("250 "));
        }
    }

    /** Every spelling of "Jim" and of a mailbox that identity resolution accepts. */
    private static List<String> delegateForms() {
        return List.of("jimh", "jimh@contoso.com", "CONTOSO\\jimh", "JimH@Contoso.com");
    }

    private static List<String> mailboxForms(String alias) {
        Recipient r = behalf.recipient(alias);
        return List.of(alias, alias + "@contoso.com", r.name(), "CONTOSO\\" + alias, r.id().toString(), r.distinguishedName(),
                alias.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void everySignInFormThatOpensAGrantedMailboxFailsForOneWithoutFullAccess() throws Exception {
        plantSecret();
        for (String d : delegateForms()) {
            for (String m : mailboxForms("ayla")) {
                assertTrue(imapLogin(d + "\\" + m).endsWith("OK LOGIN completed."), "control: " + d + "\\" + m);
                assertTrue(imapPlain(m, d).endsWith("OK AUTHENTICATE completed."), "control: PLAIN " + d + " for " + m);
                assertEquals("+OK", pop3User(d + "\\" + m), "control: POP3 " + d + "\\" + m);
                assertEquals("+OK", pop3Plain(m, d), "control: POP3 PLAIN " + d + " for " + m);
            }
            for (String m : mailboxForms("terrya")) {
                assertTrue(imapLogin(d + "\\" + m).endsWith("NO LOGIN failed."), d + "\\" + m);
                assertTrue(imapPlain(m, d).endsWith("NO AUTHENTICATE failed."), "PLAIN " + d + " for " + m);
                assertEquals("-ERR Logon failure: unknown user name or bad password.", pop3User(d + "\\" + m), "POP3 " + d + "\\" + m);
                assertEquals("-ERR Logon failure: unknown user name or bad password.", pop3Plain(m, d), "POP3 PLAIN " + d + " for " + m);
            }
        }
    }

    @Test
    void noFolderNameReachesAnotherMailbox() throws Exception {
        plantSecret();
        String terry = "m-" + behalf.recipient("terrya").id();
        String ayla = "m-" + behalf.recipient("ayla").id();
        int terryMessages = count("terrya");
        List<String> names = List.of("#mail." + terry + ".INBOX", "#mail." + terry, "#mail", "#mail.*", "#mail.%", "..", "../" + terry,
                "INBOX/../../" + terry + "/INBOX", "INBOX.." + terry + ".INBOX", ".." + terry + ".INBOX", terry + ".INBOX", terry,
                "terrya", "terrya/INBOX", "terrya@contoso.com/INBOX", "Other Users/terrya/INBOX", "Other Users.terrya.INBOX",
                "#user/terrya", "#shared/terrya", "~terrya", "*", "%", "#mail." + ayla + ".INBOX", "#MAIL." + terry + ".INBOX");
        try (Transcript imap = new Transcript(behalf.imapPort(), TIMEOUT)) {
            assertTrue(imap.imap("LOGIN jimh " + PASSWORD).endsWith("OK LOGIN completed."));
            for (String n : names) {
                String q = "\"" + n + "\"";
                for (String cmd : List.of("SELECT " + q, "EXAMINE " + q, "STATUS " + q + " (MESSAGES UNSEEN)", "LIST \"\" " + q,
                        "LIST " + q + " \"*\"", "LSUB \"\" " + q, "SUBSCRIBE " + q, "CREATE " + q + ".x", "DELETE " + q,
                        "RENAME " + q + " stolen", "RENAME INBOX " + q + ".moved", "APPEND " + q + " {20+}\r\nSubject: planted\r\n\r\nx",
                        "GETQUOTAROOT " + q, "FETCH 1:* (BODY[HEADER.FIELDS (SUBJECT)])")) {
                    imap.imap(cmd);
                }
                imap.imap("SELECT INBOX");
                imap.imap("COPY 1:* " + q);
                imap.imap("MOVE 1:* " + q);
            }
            String transcript = imap.transcript();
            assertFalse(transcript.contains(SECRET), "Terry's mail showed up in Jim's session");
            assertFalse(transcript.toLowerCase(java.util.Locale.ROOT).contains(("* LIST () \".\" \"#mail." + terry).toLowerCase(java.util.Locale.ROOT)),
                    "Terry's box was listed");
        }
        assertEquals(terryMessages, count("terrya"), "nothing was added to or taken from Terry's box");
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("seanc", PASSWORD);
            assertTrue(s.transaction("seanc@contoso.com", "jimh@contoso.com", "From: seanc@contoso.com\r\nSubject: jim still has a box\r\n\r\nhi\r\n")
                    .startsWith("250 "), "no folder trick broke Jim's own box for deliveries");
        }
        assertEquals(List.of(SECRET), subjects("terrya"));
        try (Transcript pop = new Transcript(behalf.pop3Port(), TIMEOUT)) {
            pop.pop3Status("USER jimh");
            assertEquals("+OK", pop.pop3Status("PASS " + PASSWORD));
            assertEquals("+OK 1", pop.pop3Status("STAT").substring(0, 5), "Jim's own Inbox, with the one message just delivered");
            // Jim knows his own password only (the demo gives every account the same one, so Terry's is never sent).
            for (String cmd : List.of("USER terrya", "PASS not-terrys-password", "AUTH PLAIN " + SmtpClient.plain("terrya", "jimh", PASSWORD),
                    "APOP terrya 0123456789abcdef0123456789abcdef", "RETR 1", "TOP 1 0", "LIST", "UIDL")) {
                pop.pop3Status(cmd);
            }
            assertFalse(pop.transcript().contains(SECRET), "Terry's mail reached Jim's POP3 session:\n" + pop.transcript());
        }
    }

    @Test
    void removedGrantsDenyAndHiddenMailboxesCloseTheDoorAtTheNextSignIn() throws Exception {
        assertTrue(imapLogin("jimh\\ayla").endsWith("OK LOGIN completed."));
        try (Transcript open = new Transcript(behalf.imapPort(), TIMEOUT)) {
            assertTrue(open.imap("LOGIN " + quote("jimh\\ayla") + " " + PASSWORD).endsWith("OK LOGIN completed."));
            behalf.shell("Remove-MailboxPermission -Identity ayla -User \"Jim Hance\" -AccessRights FullAccess -InheritanceType All -Confirm:$false");
            assertTrue(imapLogin("jimh\\ayla").endsWith("NO LOGIN failed."), "removed: refused at the next sign-in");
            assertEquals("-ERR Logon failure: unknown user name or bad password.", pop3User("jimh\\ayla"));
        }
        behalf.shell("Add-MailboxPermission -Identity ayla -User jimh -AccessRights FullAccess -InheritanceType All");
        assertTrue(imapLogin("jimh\\ayla").endsWith("OK LOGIN completed."), "granted again");
        behalf.shell("Add-MailboxPermission -Identity ayla -User jimh -AccessRights FullAccess -InheritanceType All -Deny");
        assertTrue(imapLogin("jimh\\ayla").endsWith("NO LOGIN failed."), "Deny beats Allow");
        assertTrue(imapPlain("ayla", "jimh").endsWith("NO AUTHENTICATE failed."));
        behalf.server().reset();
        behalf.shell("Set-Mailbox -Identity ayla -HiddenFromAddressListsEnabled $true");
        assertTrue(imapLogin("jimh\\ayla").endsWith("NO LOGIN failed."), "hidden mailbox");
        assertEquals("-ERR Logon failure: unknown user name or bad password.", pop3Plain("ayla", "jimh"));
        assertTrue(imapLogin("ayla").endsWith("OK LOGIN completed."), "its owner still signs in");
    }

    private static int count(String alias) {
        return behalf.server().store().mailboxes().stream().filter(m -> m.key().equals(new MailboxKey.Mailbox(behalf.recipient(alias).id())))
                .flatMap(m -> m.folders().stream()).mapToInt(f -> f.messages()).sum();
    }

    private static List<String> subjects(String alias) {
        return behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient(alias).id()), Folders.INBOX).stream()
                .map(m -> m.subject()).toList();
    }

    private static String imapLogin(String login) throws IOException {
        try (Transcript imap = new Transcript(behalf.imapPort(), TIMEOUT)) {
            return imap.imap("LOGIN " + quote(login) + " " + PASSWORD);
        }
    }

    private static String imapPlain(String authzid, String authcid) throws IOException {
        try (Transcript imap = new Transcript(behalf.imapPort(), TIMEOUT)) {
            return imap.imap("AUTHENTICATE PLAIN " + SmtpClient.plain(authzid, authcid, PASSWORD));
        }
    }

    private static String pop3User(String login) throws IOException {
        try (Transcript pop = new Transcript(behalf.pop3Port(), TIMEOUT)) {
            pop.pop3Status("USER " + login);
            return pop.pop3Status("PASS " + PASSWORD);
        }
    }

    private static String pop3Plain(String authzid, String authcid) throws IOException {
        try (Transcript pop = new Transcript(behalf.pop3Port(), TIMEOUT)) {
            return pop.pop3Status("AUTH PLAIN " + SmtpClient.plain(authzid, authcid, PASSWORD));
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
