package dev.behalf.gateway.it;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

/** Protocol transcripts on a raw socket: every reply line byte for byte, and the state after it. */
class SmtpProtocolIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory()
            .configure(b -> b.maxMessageSize(64 * 1024).maxRecipients(3));

    private SmtpClient connect() throws Exception {
        return new SmtpClient(behalf.smtpPort());
    }

    @Test
    void ehloAdvertisesSizeStartTlsAuthEightBitAndSmtpUtf8() throws Exception {
        try (SmtpClient s = connect()) {
            assertTrue(s.reply().startsWith("220 "));
            String ehlo = s.reply("EHLO client.test");
            for (String ext : new String[] {"250-SIZE 65536", "250-STARTTLS", "250-AUTH LOGIN PLAIN", "250-8BITMIME", "250 SMTPUTF8",
                    "250-ENHANCEDSTATUSCODES"}) {
                assertTrue(ehlo.contains(ext), "EHLO lacks " + ext + ":\n" + ehlo);
            }
        }
    }

    @Test
    void rsetNoopAndQuitAnswerWithEnhancedStatusCodesAsExchangeDoes() throws Exception {
        try (SmtpClient s = connect()) {
            assertTrue(s.login("terrya", "P@ssw0rd").startsWith("235 "));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("250 2.0.0 Resetting", s.send("RSET"));
            assertEquals("503 5.5.1 Need MAIL command", s.send("RCPT TO:<jimh@contoso.com>"), "RSET ended the transaction");
            assertEquals("250 2.0.0 OK", s.send("NOOP"));
            assertEquals("221 2.0.0 Service closing transmission channel", s.send("QUIT"));
            assertEquals("<closed>", s.reply(), "the server closed the connection");
        }
    }

    @Test
    void mailFromBeforeAuthGets530_5_7_57() throws Exception {
        try (SmtpClient s = connect()) {
            s.reply();
            s.send("EHLO client.test");
            assertEquals("530 5.7.57 Client not authenticated to send mail.", s.send("MAIL FROM:<terrya@contoso.com>"));
        }
    }

    @Test
    void aWrongPasswordGets535_5_7_3() throws Exception {
        try (SmtpClient s = connect()) {
            assertEquals("535 5.7.3 Authentication unsuccessful", s.login("terrya@contoso.com", "wrong"));
        }
    }

    @Test
    void aSharedMailboxCanNotSignInAndFailsLikeAWrongPassword() throws Exception {
        try (SmtpClient s = connect()) {
            assertEquals("535 5.7.3 Authentication unsuccessful", s.login("helpdesktickets@contoso.com", "P@ssw0rd"));
        }
    }

    @Test
    void everyLoginFormSignsIn() throws Exception {
        for (String login : new String[] {"terrya@contoso.com", "terrya", "CONTOSO\\terrya", "TerryA@Contoso.com"}) {
            try (SmtpClient s = connect()) {
                assertEquals("235 Authentication successful.", s.login(login, "P@ssw0rd"), login);
            }
        }
    }

    @Test
    void authLoginWorksStepByStep() throws Exception {
        try (SmtpClient s = connect()) {
            s.reply();
            s.send("EHLO client.test");
            assertEquals("334 VXNlcm5hbWU6", s.send("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", s.send(Base64.getEncoder().encodeToString("jimh".getBytes())));
            assertEquals("235 Authentication successful.", s.send(Base64.getEncoder().encodeToString("P@ssw0rd".getBytes())));
        }
    }

    @Test
    void anUnknownRecipientInTheAcceptedDomainGets550_5_1_10AtRcpt() throws Exception {
        try (SmtpClient s = connect()) {
            s.login("terrya", "P@ssw0rd");
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
                    s.send("RCPT TO:<nobody@contoso.com>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitGets552_5_3_4() throws Exception {
        try (SmtpClient s = connect()) {
            s.login("terrya", "P@ssw0rd");
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", s.send("MAIL FROM:<terrya@contoso.com> SIZE=100000"));
        }
    }

    @Test
    void aMessageOverTheLimitGets552_5_3_4AfterTheWholeDataAndTheSessionGoesOn() throws Exception {
        try (SmtpClient s = connect()) {
            s.login("terrya", "P@ssw0rd");
            s.send("MAIL FROM:<terrya@contoso.com>");
            s.send("RCPT TO:<jimh@contoso.com>");
            assertTrue(s.send("DATA").startsWith("354"));
            s.write("From: terrya@contoso.com\r\nSubject: big\r\n\r\n" + ("x".repeat(99) + "\r\n").repeat(1000) + ".\r\n");
            assertEquals("552 5.3.4 Message size exceeds fixed maximum message size", s.reply());
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
        }
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).isEmpty());
    }

    @Test
    void tooManyRecipientsGet452_4_5_3() throws Exception {
        try (SmtpClient s = connect()) {
            s.login("terrya", "P@ssw0rd");
            s.send("MAIL FROM:<terrya@contoso.com>");
            for (String r : new String[] {"jimh", "ayla", "seanc"}) {
                assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<" + r + "@contoso.com>"));
            }
            assertEquals("452 4.5.3 Too many recipients", s.send("RCPT TO:<hollyh@contoso.com>"));
        }
    }

    @Test
    void aRefusedMessageFullOfSmtpCommandsRunsNoneOfThemAndTheNextMailFromWorksWithoutRset() throws Exception {
        try (SmtpClient s = connect()) {
            s.login("jimh", "P@ssw0rd");
            s.send("MAIL FROM:<jimh@contoso.com>");
            s.send("RCPT TO:<terrya@contoso.com>");
            assertTrue(s.send("DATA").startsWith("354"));
            s.write("From: ayla@contoso.com\r\nSubject: smuggled\r\n\r\nRSET\r\nMAIL FROM:<ayla@contoso.com>\r\nRCPT TO:<seanc@contoso.com>\r\n"
                    + "DATA\r\nNOOP\r\nHELP\r\nQUIT\r\n.\r\n");
            assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender", s.reply());
            // The very next reply belongs to our next command: nothing in the body ran.
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<jimh@contoso.com>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<terrya@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354"));
            s.write("From: jimh@contoso.com\r\nSubject: after refusal\r\n\r\nhello\r\n.\r\n");
            assertTrue(s.reply().startsWith("250 2.6.0 "));
        }
        behalf.awaitMessage("terrya", "after refusal");
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("seanc").id()), Folders.INBOX).isEmpty());
        assertEquals(2, behalf.server().decisions().total());
    }

    @Test
    void startTlsUpgradesTheConnection() throws Exception {
        try (SmtpClient s = connect()) {
            s.reply();
            s.send("EHLO client.test");
            assertEquals("220 Ready to start TLS", s.send("STARTTLS"));
        }
    }
}
