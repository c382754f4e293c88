package dev.behalf.gateway.it;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sending with a real Jakarta Mail (Angus) SMTP client. */
final class Mails {
    private Mails() {
    }

    static MimeMessage message(Session session, String from, String to, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText("Sent by a Behalf end-to-end test.\r\n");
        return m;
    }

    static void send(Session session, String from, String to, String subject) throws MessagingException {
        Transport.send(message(session, from, to, subject));
    }
}
