package dev.behalf.gateway.it;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.gateway.junit.BehalfExtension;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/** The send path with the command-line clients people really use: swaks, curl, Python's smtplib/imaplib. */
class ClientsIT {

    @RegisterExtension
    static final BehalfExtension behalf = BehalfExtension.withDemoDirectory();

    @Test
    void swaksSendsOnBehalfWithAuthLoginOverStartTls() throws Exception {
        behalf.shell("Set-Mailbox -Identity seanc@contoso.com -GrantSendOnBehalfTo hollyh");
        Processes.Result r = Processes.run("swaks", "--server", behalf.host(), "--port", String.valueOf(behalf.smtpPort()),
                "--tls", "--auth", "LOGIN", "--auth-user", "hollyh@contoso.com", "--auth-password", "P@ssw0rd",
                "--from", "hollyh@contoso.com", "--to", "jimh@contoso.com",
                "--header", "From: Sean Chai <seanc@contoso.com>", "--header", "Subject: swaks on behalf");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("<~  250 2.6.0 "), r.output());
        MimeMessage m = behalf.awaitMessage("jimh", "swaks on behalf");
        behalf.assertSentOnBehalf(m, "hollyh", "seanc");
    }

    @Test
    void swaksSeesTheExactRefusalOfAFullAccessDelegate() {
        Processes.Result r = Processes.run("swaks", "--server", behalf.host(), "--port", String.valueOf(behalf.smtpPort()),
                "--auth", "PLAIN", "--auth-user", "jimh", "--auth-password", "P@ssw0rd",
                "--from", "jimh@contoso.com", "--to", "terrya@contoso.com",
                "--header", "From: ayla@contoso.com", "--header", "Subject: swaks refused");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("<** 550 5.7.60 SMTP; Client does not have permissions to send as this sender"), r.output());
    }

    @Test
    void curlSendsWithAuthAndTheMessageArrives() throws Exception {
        String message = "From: Terry Adams <terrya@contoso.com>\r\nTo: jimh@contoso.com\r\nSubject: curl self\r\n\r\nsent with curl\r\n";
        Processes.Result r = Processes.run(List.of("curl", "-sS", "--fail", "smtp://" + behalf.host() + ":" + behalf.smtpPort(),
                "--mail-from", "terrya@contoso.com", "--mail-rcpt", "jimh@contoso.com", "--user", "terrya@contoso.com:P@ssw0rd",
                "--upload-file", "-"), message);
        assertEquals(0, r.exitCode(), r.output());
        behalf.awaitMessage("jimh", "curl self");
        assertEquals("Self", behalf.lastDecision().orElseThrow().outcome());
    }

    @Test
    void curlGetsTheWrongPasswordReply() {
        Processes.Result r = Processes.run(List.of("curl", "-sS", "smtp://" + behalf.host() + ":" + behalf.smtpPort(),
                "--mail-from", "terrya@contoso.com", "--mail-rcpt", "jimh@contoso.com", "--user", "terrya@contoso.com:nope",
                "--upload-file", "-"), "Subject: x\r\n\r\nx\r\n");
        assertEquals(67, r.exitCode(), "curl's exit code for a login denied: " + r.output());
    }

    @Test
    void pythonSmtplibSendsAndImaplibReadsItBack() throws Exception {
        String script = String.join("\n",
                "import smtplib, imaplib, sys",
                "from email.message import EmailMessage",
                "host, smtp_port, imap_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
                "m = EmailMessage()",
                "m['From'] = 'Yan Li <yanli@contoso.com>'",
                "m['To'] = 'karent@contoso.com'",
                "m['Subject'] = 'python roundtrip'",
                "m.set_content('hello from smtplib')",
                "with smtplib.SMTP(host, smtp_port, timeout=20) as s:",
                "    s.login('karent@contoso.com', 'P@ssw0rd')",
                "    s.send_message(m, from_addr='karent@contoso.com')",
                "    m2 = EmailMessage(); m2['From'] = 'karent@contoso.com'; m2['To'] = 'karent@contoso.com'; m2['Subject'] = 'python roundtrip'",
                "    m2.set_content('hello')",
                "    s.send_message(m2)",
                "i = imaplib.IMAP4(host, imap_port)",
                "i.login('karent@contoso.com', 'P@ssw0rd')",
                "i.select('INBOX')",
                "typ, data = i.search(None, 'SUBJECT', '\"python roundtrip\"')",
                "print('FOUND', len(data[0].split()))",
                "i.logout()");
        Processes.Result r = Processes.run(List.of("python3", "-c", script, behalf.host(), String.valueOf(behalf.smtpPort()),
                String.valueOf(behalf.imapPort())), null);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FOUND 2"), r.output()); // both messages reached Karen's Inbox
        // Karen holds Send As on Yan Li in the demo directory: the first message went as Yan Li. Newest first:
        var records = behalf.server().decisions().query(java.util.Optional.empty(), java.util.Optional.empty(), 10);
        assertEquals(List.of("Self", "SendAs"), records.stream().map(d -> d.outcome()).toList());
    }

    @Test
    void jakartaMailWithRequiredStartTlsSends() throws Exception {
        Properties p = new Properties();
        p.putAll(behalf.session("terrya").getProperties());
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        Session tls = Session.getInstance(p, JakartaMail.authenticator("terrya@contoso.com", Cast.PASSWORD));
        Transport.send(JakartaMail.message(tls, "terrya@contoso.com", "jimh@contoso.com", "over tls"));
        behalf.awaitMessage("jimh", "over tls");
        assertTrue(behalf.lastDecision().orElseThrow().reply().startsWith("250 2.6.0"));
    }
}
