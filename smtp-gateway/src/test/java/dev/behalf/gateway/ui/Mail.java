package dev.behalf.gateway.ui;

import dev.behalf.fixtures.JakartaMail;
import dev.behalf.policy.seed.Cast;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real SMTP client (Jakarta Mail / Angus) that authenticates as a demo account (password {@code P@ssw0rd}). */
final class Mail {
    private final int port;

    Mail(int port) {
        this.port = port;
    }

    /** Sends as {@code login} (UPN) with the given From; throws the client's exception when refused. */
    void send(String login, String from, String to, String subject, Optional<String> html) throws MessagingException {
        Session session = Session.getInstance(JakartaMail.smtp(port));
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        String text = "Hello,\n\n" + subject + ".\n";
        if (html.isPresent()) {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "utf-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html.get(), "text/html; charset=utf-8");
            m.setContent(new MimeMultipart("alternative", plain, rich));
        } else {
            m.setText(text, "utf-8");
        }
        try (Transport t = session.getTransport("smtp")) {
            t.connect(login, Cast.PASSWORD);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    void send(String login, String from, String to, String subject) throws MessagingException {
        send(login, from, to, subject, Optional.empty());
    }

    /** Asserts the submission is refused with exactly this reply line. */
    void assertRefused(String reply, String login, String from, String to, String subject) {
        MessagingException e = assertThrows(MessagingException.class, () -> send(login, from, to, subject));
        assertTrue(String.valueOf(e.getMessage()).contains(reply), "expected '" + reply + "', got: " + e.getMessage());
    }
}
