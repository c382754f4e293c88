package dev.behalf.gateway.hardening;

import dev.behalf.fixtures.SmtpClient;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.mailstore.Folders;
import dev.behalf.mailstore.MailboxKey;
import dev.behalf.mailstore.MailboxSummary;
import dev.behalf.mailstore.MessageSummary;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and malformed submissions, each answered with its exact reply line, after which the same
 * connection goes on without RSET and a new connection still sends normally. Every bad message carries
 * a body full of SMTP command lines; the reply to the client's next command proves none of them ran.
 * ({@code it/SmtpProtocolIT} covers the size limit, the basic recipient limit and the denied-From
 * variant of the smuggling case; these go further.)
 */
class HostileInputIT {
    static final String TOO_COMPLEX = "552 5.3.4 Message too complex: too many header fields, MIME levels or MIME parts";
    static final String SMUGGLED = "RSET\r\nMAIL FROM:<ayla@contoso.com>\r\nRCPT TO:<seanc@contoso.com>\r\nDATA\r\n"
            + "From: ayla@contoso.com\r\nSubject: smuggled\r\n\r\nsmuggled\r\nAUTH PLAIN AGF5bGEAUEBzc3cwcmQ=\r\nNOOP\r\nHELP\r\nQUIT\r\n";

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory()
            .configure(b -> b.maxMessageSize(1024 * 1024).maxRecipients(5));

    /** A message that must be refused: what MAIL FROM declares, the bytes, the exact reply. */
    record Hostile(String name, String mailParameters, byte[] message, String reply) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Hostile hostile(String name, String parameters, String message, String reply) {
        return new Hostile(name, parameters, message.getBytes(StandardCharsets.UTF_8), reply);
    }

    static Stream<Hostile> hostileMessages() {
        String tooManyHeaders = "From: terrya@contoso.com\r\n" + "X-Filler: x\r\n".repeat(5000) + "Subject: many\r\n\r\n" + SMUGGLED;
        return Stream.of(
                hostile("no From", "", "To: jimh@contoso.com\r\nSubject: no from\r\n\r\n" + SMUGGLED,
                        "550 5.6.0 Message has no From header; RFC 5322 requires one"),
                hostile("several From without Sender", "", "From: terrya@contoso.com, jimh@contoso.com\r\nSubject: two\r\n\r\n" + SMUGGLED,
                        "550 5.6.0 Several From addresses need a Sender header (RFC 5322 3.6.2)"),
                hostile("bare LF", "", "From: terrya@contoso.com\nSubject: bare\n\n" + SMUGGLED.replace("\r\n", "\n"),
                        "550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal; message contains bare linefeeds, which cannot be sent via DATA"),
                new Hostile("NUL bytes", "", concat("From: terrya@contoso.com\r\nSubject: nul\r\n\r\nbefore", new byte[] {0, 0},
                        "after\r\n" + SMUGGLED), "550 5.6.0 Message contains NUL characters"),
                new Hostile("8-bit data without 8BITMIME", "", concat("From: terrya@contoso.com\r\nSubject: 8bit\r\n\r\n",
                        new byte[] {(byte) 0xe9, (byte) 0xff}, "\r\n" + SMUGGLED), "554 5.6.1 8-bit data requires BODY=8BITMIME"),
                hostile("a header line over 998 characters", "", "From: terrya@contoso.com\r\nSubject: " + "x".repeat(2000) + "\r\n\r\n" + SMUGGLED,
                        "500 5.5.2 Line too long"),
                hostile("5000 header fields", "", tooManyHeaders, TOO_COMPLEX),
                hostile("MIME nested 4000 deep", "", nestedMime(4000), TOO_COMPLEX),
                hostile("20,000 MIME parts", "", "From: terrya@contoso.com\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n"
                        + "--p\r\n\r\nx\r\n".repeat(20_000) + "--p--\r\n" + SMUGGLED, TOO_COMPLEX),
                hostile("a header section starting with a continuation line", "", " \r\n x\r\nFrom: terrya@contoso.com\r\n\r\n" + SMUGGLED,
                        "550 5.6.0 Message headers could not be parsed"),
                hostile("a From that is not an address", "", "From: <terrya@@contoso..com\r\nSubject: bad\r\n\r\n" + SMUGGLED,
                        "550 5.1.7 Invalid address in a From or Sender header"),
                // RFC 6531/6532: BODY=8BITMIME is for the body; 8-bit header fields need SMTPUTF8 (issue 12).
                hostile("a non-ASCII From without SMTPUTF8", " BODY=8BITMIME", "From: jürgen@contoso.com\r\nSubject: idn\r\n\r\n" + SMUGGLED,
                        "550 5.6.7 Non-ASCII header fields require SMTPUTF8"),
                hostile("an 8-bit Subject without SMTPUTF8", " BODY=8BITMIME", "From: terrya@contoso.com\r\nSubject: Grüße\r\n\r\n" + SMUGGLED,
                        "550 5.6.7 Non-ASCII header fields require SMTPUTF8"),
                hostile("a bare CR", "", "From: terrya@contoso.com\rFrom: ayla@contoso.com\r\nSubject: cr\r\n\r\n" + SMUGGLED,
                        "550 5.6.11 Message contains bare carriage returns, which cannot be sent via DATA"),
                hostile("a From the account may not send as", "", "From: ayla@contoso.com\r\nSubject: denied\r\n\r\n" + SMUGGLED,
                        "550 5.7.60 SMTP; Client does not have permissions to send as this sender"));
    }

    static byte[] concat(String a, byte[] b, String c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(b);
        out.writeBytes(c.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String nestedMime(int depth) {
        StringBuilder m = new StringBuilder("From: terrya@contoso.com\r\nSubject: nested\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth - 1; i++) {
            m.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        m.append("--b").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\n").append(SMUGGLED).append("--b").append(depth - 1).append("--\r\n");
        for (int i = depth - 2; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        return m.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileMessages")
    void aHostileMessageGetsItsExactRefusalRunsNoSmuggledCommandAndTheSessionGoesOnWithoutRset(Hostile h) throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login("terrya@contoso.com", "P@ssw0rd"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>" + h.mailParameters()));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write(h.message());
            s.write(endsWithCrlf(h.message()) ? ".\r\n" : "\r\n.\r\n");
            assertEquals(h.reply(), s.lastLine(), "Error upon step DATA for " + h.name());
            // The very next reply answers our next command: nothing in the body ran, and no RSET is needed.
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write("From: terrya@contoso.com\r\nSubject: after " + h.name() + "\r\n\r\nhello\r\n.\r\n");
            assertTrue(s.lastLine().startsWith("250 2.6.0 "));
        }
        behalf.awaitMessage("jimh", "after " + h.name());
        assertEquals(2, behalf.server().decisions().total(), "one record for the refusal, one for the message after it");
        assertEquals(List.of("after " + h.name()), subjects(), "nothing else was stored (seanc got nothing smuggled)");
        assertStillServes();
    }

    private static boolean endsWithCrlf(byte[] b) {
        return b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n';
    }

    /** Every Inbox subject in the store (Sent Items aside). */
    static List<String> subjects() {
        return behalf.server().store().mailboxes().stream().map(MailboxSummary::key)
                .flatMap(k -> behalf.server().store().list(k, Folders.INBOX).stream()).map(MessageSummary::subject).toList();
    }

    /** A new connection signs in and sends a normal message that arrives. */
    static void assertStillServes() throws Exception {
        String subject = "still serving " + System.nanoTime();
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            assertEquals("235 Authentication successful.", s.login("jimh", "P@ssw0rd"));
            assertTrue(s.transaction("jimh@contoso.com", "terrya@contoso.com",
                    "From: jimh@contoso.com\r\nSubject: " + subject + "\r\n\r\nok\r\n").startsWith("250 2.6.0 "));
        }
        behalf.awaitMessage("terrya", subject);
    }

    @Test
    void displayNamesWithCrLfQuotesAndNonAsciiAreEncodedIntoOneSenderField() throws Exception {
        behalf.shell("Set-Mailbox -Identity hollyh -DisplayName \"Holly `\"Boss`\" Holt`r`nBcc: victim@contoso.com Ünïcødé\"");
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("hollyh@contoso.com", "P@ssw0rd");
            assertTrue(s.transaction("hollyh@contoso.com", "jimh@contoso.com",
                    "From: Sean Chai <seanc@contoso.com>\r\nSender: Evil <evil@contoso.com>\r\nSubject: injection\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        }
        MessageSummary stored = behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).get(0);
        byte[] raw = behalf.server().store().fetch(stored.id()).orElseThrow().raw();
        List<String> senders = Mailboxes.header(raw, "Sender");
        assertEquals(1, senders.size(), "one Sender field: " + senders);
        assertEquals(List.of(), Mailboxes.header(raw, "Bcc"), "no field was injected");
        assertTrue(senders.get(0).chars().allMatch(c -> c >= 32 && c < 127), "RFC 2047 encoded, ASCII only: " + senders.get(0));
        InternetAddress sender = InternetAddress.parseHeader(senders.get(0), true)[0];
        assertEquals("hollyh@contoso.com", sender.getAddress());
        assertEquals("Holly \"Boss\" Holt Bcc: victim@contoso.com Ünïcødé", sender.getPersonal());
        assertEquals(List.of("injection"), subjects());
        assertEquals(List.of("jimh@contoso.com/INBOX", "hollyh@contoso.com/Sent Items"), behalf.lastDecision().orElseThrow().reached());
        assertStillServes();
    }

    @Test
    void aDelegateNamedLikeAnEncodedWordDoesNotShowAsSomeoneElseOverImap() throws Exception {
        // Encoding the name is not enough: GreenMail's ENVELOPE decodes names and sends ASCII back as is.
        behalf.shell("Set-Mailbox -Identity hollyh -DisplayName '=?UTF-8?B?QWRtaW5pc3RyYXRvcg==?='");
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("hollyh", "P@ssw0rd");
            assertTrue(s.transaction("hollyh@contoso.com", "jimh@contoso.com",
                    "From: seanc@contoso.com\r\nSubject: encoded word\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        }
        behalf.awaitMessage("jimh", "encoded word");
        try (jakarta.mail.Store imap = behalf.session("jimh").getStore("imap")) {
            imap.connect();
            jakarta.mail.Folder inbox = imap.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            jakarta.mail.internet.MimeMessage m = (jakarta.mail.internet.MimeMessage) inbox.getMessages()[0];
            InternetAddress sender = (InternetAddress) m.getSender();
            assertEquals("hollyh@contoso.com", sender.getAddress());
            assertTrue(!"Administrator".equals(sender.getPersonal()) && sender.getPersonal().contains("QWRtaW5pc3RyYXRvcg"),
                    "the name is shown as typed, not decoded into another one: " + sender.getPersonal());
        }
    }

    @Test
    void aMessageWithAnEmptyBodyKeepsItsStampedSenderInTheHeader() throws Exception {
        // Found by HeaderFuzzTest: with nothing after the empty line, Sender and the trace fields went into the body.
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("hollyh", "P@ssw0rd");
            assertTrue(s.transaction("hollyh@contoso.com", "jimh@contoso.com",
                    "From: Sean Chai <seanc@contoso.com>\r\nSubject: empty body\r\n\r\n").startsWith("250 2.6.0 "));
        }
        jakarta.mail.internet.MimeMessage m = behalf.awaitMessage("jimh", "empty body");
        behalf.assertSentOnBehalf(m, "hollyh", "seanc");
        assertTrue(m.getMessageID() != null && m.getHeader("Received") != null, "trace fields are headers");
        assertEquals("", new String(m.getRawInputStream().readAllBytes(), StandardCharsets.UTF_8), "the body stays empty");
    }

    @Test
    void aDisplayNameOfQuotesAndSpecialsIsAQuotedString() throws Exception {
        behalf.shell("Set-Mailbox -Identity hollyh -DisplayName 'Holt, Holly \"HH\" <boss@evil.example>; (x)'");
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("hollyh", "P@ssw0rd");
            assertTrue(s.transaction("hollyh@contoso.com", "jimh@contoso.com",
                    "From: seanc@contoso.com\r\nSubject: quotes\r\n\r\nhi\r\n").startsWith("250 2.6.0 "));
        }
        byte[] raw = behalf.server().store().fetch(behalf.server().store()
                .list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).get(0).id()).orElseThrow().raw();
        List<String> senders = Mailboxes.header(raw, "Sender");
        assertEquals(List.of("\"Holt, Holly \\\"HH\\\" <boss@evil.example>; (x)\" <hollyh@contoso.com>"), senders);
        InternetAddress[] parsed = InternetAddress.parseHeader(senders.get(0), true);
        assertEquals(1, parsed.length, "one mailbox, not two");
        assertEquals("hollyh@contoso.com", parsed[0].getAddress());
    }

    @Test
    void afterTooManyRecipientsTheMessageReachesOnlyTheAcceptedOnes() throws Exception {
        String[] rcpts = {"jimh", "ayla", "seanc", "hollyh", "yanli", "karent"};
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("terrya", "P@ssw0rd");
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            for (int i = 0; i < 5; i++) {
                assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<" + rcpts[i] + "@contoso.com>"));
            }
            assertEquals("452 4.5.3 Too many recipients", s.send("RCPT TO:<karent@contoso.com>"));
            assertEquals("452 4.5.3 Too many recipients", s.send("RCPT TO:<karent@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write("From: terrya@contoso.com\r\nSubject: five\r\n\r\nhi\r\n.\r\n");
            assertTrue(s.lastLine().startsWith("250 2.6.0 "));
        }
        assertEquals(List.of("five", "five", "five", "five", "five"), subjects());
        assertTrue(behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("karent").id()), Folders.INBOX).isEmpty());
        assertStillServes();
    }

    @Test
    void smtpUtf8AndIdnAddressesAreAcceptedOnlyWhenDeclaredAndCapturedAsExternal() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("terrya", "P@ssw0rd");
            assertEquals("553 5.6.7 Non-ASCII addresses or headers require SMTPUTF8", s.send("MAIL FROM:<tërry@contoso.com>"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com>"));
            assertEquals("553 5.6.7 Non-ASCII addresses or headers require SMTPUTF8", s.send("RCPT TO:<jürgen@bücher.example>"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<juergen@xn--bcher-kva.example>"));
            assertEquals("250 2.0.0 Resetting", s.send("RSET"));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com> SMTPUTF8"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jürgen@bücher.example>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write("From: Terry Adams <terrya@contoso.com>\r\nTo: Jürgen <jürgen@bücher.example>\r\nSubject: grüße\r\n\r\nhallo\r\n.\r\n");
            assertTrue(s.lastLine().startsWith("250 2.6.0 "));
            assertEquals("250 2.1.0 Sender OK", s.send("MAIL FROM:<terrya@contoso.com> SMTPUTF8"));
            assertEquals("250 2.1.5 Recipient OK", s.send("RCPT TO:<jimh@contoso.com>"));
            assertTrue(s.send("DATA").startsWith("354 "));
            s.write("From: jürgen@contoso.com\r\nSubject: spoof\r\n\r\nhallo\r\n.\r\n");
            assertEquals("550 5.7.60 SMTP; Client does not have permissions to send as this sender", s.lastLine());
        }
        List<MailboxSummary> external = behalf.server().store().mailboxes().stream()
                .filter(m -> m.key() instanceof MailboxKey.External).toList();
        assertEquals(1, external.size(), "captured for the outside address, never relayed: " + external);
        assertEquals(List.of("grüße"), behalf.server().store().list(external.get(0).key(), Folders.INBOX).stream()
                .map(MessageSummary::subject).toList());
        assertStillServes();
    }

    /** SubEthaSMTP's line reader can't resynchronise after an over-long line, so the session ends; the server serves on. */
    @Test
    void anOverLongCommandLineIsRefusedAndOnlyThatSessionEnds() throws Exception {
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.reply();
            assertEquals("501 Input line length is too long!", s.send("EHLO " + "a".repeat(100_000)));
            assertTrue(s.closedByServer());
        }
        assertStillServes();
    }

    @Test
    void aLongFoldedHeaderAndLongBodyLinesAreStoredIntact() throws Exception {
        String subject = ("word ".repeat(150) + "\r\n ").repeat(100).strip();
        String body = "y".repeat(5000) + "\r\n";
        try (SmtpClient s = new SmtpClient(behalf.smtpPort())) {
            s.login("terrya", "P@ssw0rd");
            assertTrue(s.transaction("terrya@contoso.com", "jimh@contoso.com",
                    "From: terrya@contoso.com\r\nSubject: " + subject + "\r\n\r\n" + body).startsWith("250 2.6.0 "));
        }
        MessageSummary m = behalf.server().store().list(new MailboxKey.Mailbox(behalf.recipient("jimh").id()), Folders.INBOX).get(0);
        String raw = new String(behalf.server().store().fetch(m.id()).orElseThrow().raw(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("Subject: " + subject + "\r\n"), "the folded Subject is kept byte for byte");
        assertTrue(raw.endsWith("\r\n\r\n" + body), "the body is kept byte for byte");
    }
}
