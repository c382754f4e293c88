package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MessageSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in filter in front of SubEthaSMTP ({@code LongAuthLines}) must take every line for the command SubEthaSMTP
 * runs, however the client spells it: SubEthaSMTP runs a line by its first four characters in upper case, so
 * {@code MAIL<tab>FROM} is MAIL and {@code DATAX} is DATA, and by its first word upper-cased, so {@code ſTARTTLS}
 * (a long s) is STARTTLS. A filter that read them otherwise went on reading the message, or the TLS handshake, as
 * sign-in lines.
 */
class CommandSpellingIT {
    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @Test
    void aMessageAfterDataxIsStoredAsTheClientSentIt() throws Exception {
        String line = "AUTH PLAIN " + "A".repeat(1200);
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login("terrya@contoso.com", "P@ssw0rd"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL\tFROM:<terrya@contoso.com>"), "SubEthaSMTP runs MAIL<tab> as MAIL");
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
            assertTrue(s.send("DATAX").startsWith("354 "), "SubEthaSMTP runs DATAX as DATA");
            // A body line that looks like a long AUTH: the filter used to put its marker in its place.
            s.write("From: terrya@contoso.com\r\nSubject: datax\r\n\r\n" + line + "\r\n.\r\n");
            assertTrue(s.lastLine().startsWith("250 2.6.0 "));
        }
        behalf.awaitMessage("jimh", "datax");
        MessageSummary stored = behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).get(0);
        String raw = new String(behalf.server().store().fetch(stored.id()).orElseThrow().raw(), StandardCharsets.US_ASCII);
        assertTrue(raw.endsWith("\r\n\r\n" + line + "\r\n"), "the body as sent, not the filter's marker: " + raw);
    }

    @Test
    void starttlsSpelledWithALongSStartsTlsAndTheSessionGoesOnInsideIt() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort(), Duration.ofSeconds(10))) {
            s.reply();
            s.reply("EHLO spelling.example");
            s.write("\u017FTARTTLS\r\n".getBytes(StandardCharsets.UTF_8));
            assertTrue(s.lastLine().startsWith("220"), "SubEthaSMTP runs \u017FTARTTLS as STARTTLS");
            // The handshake stalled while the filter waited for a line end in the client's TLS bytes.
            s.startTls(ExposureIT.trustAll().getSocketFactory(), "localhost");
            assertTrue(s.reply("EHLO spelling.example").contains("AUTH"), "EHLO inside TLS");
            assertEquals("235 Authentication successful.", s.send("AUTH PLAIN " + SmtpClient.plain("", "terrya", "P@ssw0rd")));
        }
    }

    /**
     * SubEthaSMTP refuses a line once it holds 998 characters, so a 998-character AUTH line must be the filter's to
     * shorten, as a longer one is: the authenticator then reads the token (this one is no JWT) and says 535.
     */
    @Test
    void anAuthLineOf997Or998CharactersReachesTheAuthenticator() throws Exception {
        String token = Base64.getEncoder().encodeToString(("user=terrya@contoso.com\u0001auth=Bearer " + "x".repeat(700) + "\u0001\u0001")
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals(984, token.length());
        for (String separator : List.of(" ", "  ")) {
            String line = "AUTH XOAUTH2" + separator + token;
            try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
                s.reply();
                s.reply("EHLO spelling.example");
                assertEquals("535 5.7.3 Authentication unsuccessful", s.send(line), "a line of " + line.length() + " characters");
            }
        }
    }
}
